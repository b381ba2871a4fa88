package io.computecase.local.cli;

import java.io.PrintWriter;

/**
 * Shows a case's progress: a bar redrawn in place on a terminal, plain lines (only when something
 * changed) when the output is a pipe or a file.
 */
final class ProgressView {
  private static final int WIDTH = 40;
  private final PrintWriter out;
  private final boolean terminal;
  private String lastLine = "";

  ProgressView(PrintWriter out) {
    this(out, System.console() != null && !"dumb".equals(System.getenv("TERM")));
  }

  ProgressView(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  void show(String phase, long total, long succeeded, long failed, long inFlight, double seconds) {
    long done = succeeded + failed;
    double rate = seconds > 0 ? done / seconds : 0;
    String eta =
        done >= total || rate == 0
            ? ""
            : String.format(", ETA %.0f s", Math.ceil((total - done) / rate));
    String counts =
        String.format(
            "%s %d/%d done, %d failed, %d in flight, %.0f items/s%s, %.1f s",
            phase, done, total, failed, inFlight, rate, eta, seconds);
    if (terminal) {
      int filled = total == 0 ? 0 : (int) (WIDTH * done / total);
      out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + counts + "   ");
      out.flush();
    } else {
      String line =
          String.format(
              "progress: %s %d/%d done, %d failed, %d in flight",
              phase, done, total, failed, inFlight);
      if (!line.equals(lastLine)) {
        out.println(line + String.format(" (%.1f s)", seconds));
        lastLine = line;
      }
    }
  }

  void finish() {
    if (terminal) {
      out.println();
    }
  }
}
