package io.computecase.operator.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.ComputeCaseSpec;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The Map's two thresholds from the spec: a threshold the user did not give never binds. */
class FailureToleranceTest {

  @Test
  void aPercentageAloneComesWithACountOfAllItems() {
    assertThat(FailureTolerance.of(spec(5.0, null), OptionalLong.of(40)))
        .isEqualTo(new FailureTolerance(5.0, 40));
  }

  @Test
  void aCountAloneComesWithAHundredPercent() {
    assertThat(FailureTolerance.of(spec(0.0, 3), OptionalLong.of(40)))
        .isEqualTo(new FailureTolerance(100.0, 3));
    assertThat(FailureTolerance.of(spec(null, 3), OptionalLong.of(40)))
        .isEqualTo(new FailureTolerance(100.0, 3));
  }

  @Test
  void bothGivenBothApply() {
    assertThat(FailureTolerance.of(spec(10.0, 3), OptionalLong.of(40)))
        .isEqualTo(new FailureTolerance(10.0, 3));
  }

  @Test
  void neitherGivenToleratesNoFailure() {
    assertThat(FailureTolerance.of(spec(null, null), OptionalLong.of(40)))
        .isEqualTo(new FailureTolerance(0.0, 40));
  }

  private static ComputeCaseSpec spec(Double percentage, Integer count) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setToleratedFailurePercentage(percentage);
    spec.setToleratedFailureCount(count);
    return spec;
  }

  @Test
  void aPercentageAloneOverAnUncountedS3ObjectComesWithACountThatNeverBinds() {
    assertThat(FailureTolerance.of(spec(5.0, null), OptionalLong.empty()))
        .isEqualTo(new FailureTolerance(5.0, FailureTolerance.UNBOUNDED_COUNT));
  }
}
