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
    this.out = out;
    this.terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }

  void show(String phase, long total, long succeeded, long failed, long inFlight, double seconds) {
    long done = succeeded + failed;
    String counts =
        String.format(
            "%s %d/%d done, %d failed, %d in flight, %.1f s",
            phase, done, total, failed, inFlight, seconds);
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
