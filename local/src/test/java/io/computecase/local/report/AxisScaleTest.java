package io.computecase.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** Chart axes end on a round number and tick at 1, 2 or 5 times a power of ten. */
class AxisScaleTest {

  @Test
  void itemCountsGetRoundTicks() {
    AxisScale scale = AxisScale.covering(37);

    assertThat(scale.ticks()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
    assertThat(scale.label(30)).isEqualTo("30");
  }

  @Test
  void aRoundMaximumIsItsOwnLastTick() {
    assertThat(AxisScale.covering(100).ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
  }

  @Test
  void shortDurationsGetDecimalLabels() {
    AxisScale scale = AxisScale.covering(0.7);

    assertThat(scale.max()).isEqualTo(0.8, offset(1e-9));
    assertThat(scale.label(scale.ticks().get(1))).isEqualTo("0.2");
  }

  @Test
  void anEmptyRangeBecomesZeroToOne() {
    AxisScale scale = AxisScale.covering(0);

    assertThat(scale.max()).isEqualTo(1.0);
    assertThat(scale.fraction(0.5)).isEqualTo(0.5);
  }
}
