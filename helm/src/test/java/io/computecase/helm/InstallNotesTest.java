package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import io.computecase.helm.chart.ChartSources;
import io.computecase.helm.chart.RenderedChart;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `helm install --dry-run` through Helm's install pipeline: what NOTES.txt tells the user next. */
class InstallNotesTest {

  private static String notes(Map<String, Object> sets) {
    InstallCommand install =
        new Helm(ChartSources.chartDir())
            .install()
            .withName("computecase")
            .withNamespace(RenderedChart.NAMESPACE)
            .dryRun()
            .clientOnly();
    sets.forEach(install::set);
    Release release = install.call();
    String output = release.getOutput();
    int notes = output.indexOf("NOTES:");
    assertThat(notes).as("install output has NOTES").isNotNegative();
    return output.substring(notes);
  }

  @Test
  void onAwsWithoutRoleOrIdentityTheNotesSayWhatIsMissingAndHow() {
    String notes = notes(Map.of());
    assertThat(notes)
        .contains("kubectl -n computecase-system rollout status deployment/computecase")
        .contains("aws.stateMachineRoleArn is empty")
        .contains("aws.s3.bucket is empty")
        .contains("aws.accountId is empty")
        .contains("eks\\.amazonaws\\.com/role-arn")
        .contains("aws eks create-pod-identity-association")
        .contains("ServiceAccount \"computecase-worker\"")
        .contains("kind: ComputeCase");
  }

  @Test
  void configuredForAwsTheNotesSkipTheWarnings() {
    String notes =
        notes(
            Map.of(
                "aws.stateMachineRoleArn",
                "arn:aws:iam::123456789012:role/computecase-state-machine",
                "aws.accountId",
                "123456789012",
                "aws.s3.bucket",
                "computecase-123456789012-eu-west-1",
                "serviceAccounts.operator.annotations.eks\\.amazonaws\\.com/role-arn",
                "arn:aws:iam::123456789012:role/computecase-operator",
                "operator.watchNamespaces[0]",
                "team-a"));
    assertThat(notes)
        .doesNotContain("WARNING")
        .doesNotContain("has no IRSA annotation")
        .contains("namespaces: team-a");
  }

  @Test
  void againstALocalEngineNoAwsIdentityIsAskedFor() {
    String notes =
        notes(
            Map.of(
                "aws.endpoints.stepFunctions",
                "http://computecase-local:4566",
                "aws.s3.bucket",
                "computecase"));
    assertThat(notes).doesNotContain("WARNING").doesNotContain("IRSA");
  }
}
