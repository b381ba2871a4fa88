package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.computecase.helm.chart.PodContainer;
import io.computecase.helm.chart.RenderedChart;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two releases in one AWS account never share a name: the operator and the chart-run workers get
 * one prefix, the release name unless aws.resourcePrefix says otherwise.
 */
class ResourcePrefixTest {

  @Test
  void theOperatorAndTheChartRunWorkersShareThePrefixOfTheRelease() {
    RenderedChart chart = RenderedChart.render(List.of(), Map.of("targetsAs", "Deployment"));
    assertThat(PodContainer.operator(chart).env())
        .containsEntry("COMPUTECASE_RESOURCE_PREFIX", RenderedChart.RELEASE);
    assertThat(PodContainer.workers(chart))
        .isNotEmpty()
        .allSatisfy(
            worker ->
                assertThat(worker.env())
                    .containsEntry("COMPUTECASE_RESOURCE_PREFIX", RenderedChart.RELEASE)
                    .containsKey("COMPUTECASE_TARGET"));
  }

  @Test
  void aPrefixValueWinsOverTheReleaseNameAndBusAndStateMachineMayStillBeNamed() {
    RenderedChart chart =
        RenderedChart.render(
            List.of(),
            Map.of(
                "aws.resourcePrefix", "prod-eu",
                "aws.busName", "shared-bus",
                "aws.stateMachineName", "fanout"));
    assertThat(PodContainer.operator(chart).env())
        .containsEntry("COMPUTECASE_RESOURCE_PREFIX", "prod-eu")
        .containsEntry("COMPUTECASE_BUS_NAME", "shared-bus")
        .containsEntry("COMPUTECASE_STATE_MACHINE_NAME", "fanout");
  }

  @Test
  void aReleaseNameThatCannotBeginAnAwsNameIsRefusedWithTheFix() {
    assertThatThrownBy(
            () -> RenderedChart.render("computecase-for-the-analytics-team", List.of(), Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("computecase-for-the-analytics-team")
        .hasMessageContaining("set aws.resourcePrefix");
    assertThat(
            PodContainer.operator(
                    RenderedChart.render(
                        "computecase-for-the-analytics-team",
                        List.of(),
                        Map.of("aws.resourcePrefix", "analytics")))
                .env())
        .containsEntry("COMPUTECASE_RESOURCE_PREFIX", "analytics");
  }

  @Test
  void theSchemaRefusesAPrefixAwsCannotTake() {
    assertThatThrownBy(
            () -> RenderedChart.render(List.of(), Map.of("aws.resourcePrefix", "Prod_EU")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resourcePrefix");
  }
}
