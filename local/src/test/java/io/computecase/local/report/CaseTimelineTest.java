package io.computecase.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.computecase.local.report.CaseTimeline.Sample;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The timeline keeps samples in order, stays bounded on long cases and always ends with the latest
 * sample.
 */
class CaseTimelineTest {

  @Test
  void keepsEverySampleBelowTheBound() {
    CaseTimeline timeline = new CaseTimeline(100);
    timeline.append(0.0, 0, 0, 0);
    timeline.append(0.2, 3, 1, 10);
    timeline.append(0.4, 9, 1, 6);

    assertThat(timeline.samples())
        .containsExactly(
            new Sample(0.0, 0, 0, 0), new Sample(0.2, 3, 1, 10), new Sample(0.4, 9, 1, 6));
    assertThat(timeline.samples().get(1).done()).isEqualTo(4);
  }

  @Test
  void aLongCaseIsDownsampledEvenlyAndEndsWithTheLatestSample() {
    CaseTimeline timeline = new CaseTimeline(100);
    for (int i = 0; i <= 10_000; i++) {
      timeline.append(i / 10.0, i, 0, 5);
    }

    List<Sample> samples = timeline.samples();
    assertThat(samples).hasSizeBetween(50, 100);
    assertThat(samples.get(0)).isEqualTo(new Sample(0.0, 0, 0, 5));
    assertThat(samples.get(samples.size() - 1)).isEqualTo(new Sample(1000.0, 10_000, 0, 5));
    // Evenly spread: all gaps but the last (to the latest sample) are the same stride.
    double stride = samples.get(1).elapsedSeconds() - samples.get(0).elapsedSeconds();
    for (int i = 1; i < samples.size() - 1; i++) {
      assertThat(samples.get(i).elapsedSeconds() - samples.get(i - 1).elapsedSeconds())
          .isCloseTo(stride, offset(1e-6));
    }
    assertThat(stride).isGreaterThan(0.1);
  }

  @Test
  void aReaderSeesConsistentBoundedSnapshotsWhileTheCaseRuns() throws Exception {
    CaseTimeline timeline = new CaseTimeline(64);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 200_000; i++) {
                timeline.append(i, i, 0, 1);
              }
            });
    while (!writer.isDone()) {
      List<Sample> snapshot = timeline.samples();
      assertThat(snapshot.size()).isLessThanOrEqualTo(64);
      for (int i = 1; i < snapshot.size(); i++) {
        assertThat(snapshot.get(i).elapsedSeconds())
            .isGreaterThan(snapshot.get(i - 1).elapsedSeconds());
      }
    }
    writer.get(30, TimeUnit.SECONDS);
    assertThat(timeline.samples()).last().isEqualTo(new Sample(199_999, 199_999, 0, 1));
  }

  @Test
  void negativeCountsAreRefusedNamingTheField() {
    CaseTimeline timeline = new CaseTimeline();

    assertThatThrownBy(() -> timeline.append(1.0, 2, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("failed=-1")
        .hasMessageContaining("0 or more");
  }

  @Test
  void samplesOutOfTimeOrderAreRefused() {
    CaseTimeline timeline = new CaseTimeline();
    timeline.append(2.0, 1, 0, 0);

    assertThatThrownBy(() -> timeline.append(1.0, 2, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time order")
        .hasMessageContaining("elapsedSeconds=1.0 after 2.0");
  }

  @Test
  void aTooSmallBoundIsRefused() {
    assertThatThrownBy(() -> new CaseTimeline(2))
        .hasMessageContaining("maxSamples must be 4 or more, got 2");
  }
}
