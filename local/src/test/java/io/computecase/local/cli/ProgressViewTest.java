package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** On a terminal one line redrawn in place, with rate and ETA; elsewhere a line per change. */
class ProgressViewTest {
  @Test
  void aTerminalGetsOneLiveLineWithRateAndEta() {
    StringWriter text = new StringWriter();
    ProgressView view = new ProgressView(new PrintWriter(text), true);

    view.show("Running", 100, 40, 10, 30, 5.0);
    view.show("Succeeded", 100, 95, 5, 0, 10.0);
    view.finish();

    assertThat(text.toString())
        .startsWith("\r[####################                    ] Running 50/100 done")
        .contains("10 failed, 30 in flight, 10 items/s, ETA 5 s, 5.0 s")
        .contains("\r[########################################] Succeeded 100/100 done")
        .contains("10 items/s, 10.0 s")
        .endsWith(System.lineSeparator());
    // redrawn with carriage returns: one line feed, at the end
    assertThat(text.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void aPipeGetsAPlainLineOnlyWhenSomethingChanged() {
    StringWriter text = new StringWriter();
    ProgressView view = new ProgressView(new PrintWriter(text), false);

    view.show("Running", 10, 2, 0, 8, 1.0);
    view.show("Running", 10, 2, 0, 8, 1.2);
    view.show("Running", 10, 5, 0, 5, 2.0);
    view.finish();

    assertThat(text.toString().lines())
        .containsExactly(
            "progress: Running 2/10 done, 0 failed, 8 in flight (1.0 s)",
            "progress: Running 5/10 done, 0 failed, 5 in flight (2.0 s)");
  }
}
