package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {
  @Test
  void readsTheContractsEnvironmentVariables() {
    WorkerConfig config =
        WorkerConfig.fromEnvironment(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "COMPUTECASE_TARGET", "gpu",
                "COMPUTECASE_CONCURRENCY", "250",
                "COMPUTECASE_COMPUTATION", "cpu",
                "COMPUTECASE_WORKER_ID", "pod-7",
                "COMPUTECASE_SFN_ENDPOINT", "http://127.0.0.1:8083",
                "COMPUTECASE_SQS_ENDPOINT", "http://127.0.0.1:9324"));

    assertThat(config.target()).contains("gpu");
    assertThat(config.queueUrl()).isEmpty();
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.concurrency()).isEqualTo(250);
    assertThat(config.pollers()).isEqualTo(10);
    assertThat(config.computation()).isEqualTo("cpu");
    assertThat(config.workerId()).isEqualTo("pod-7");
    assertThat(config.sfnEndpoint())
        .hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(8083));
    assertThat(config.sqsEndpoint())
        .hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(9324));
    assertThat(config.httpPort()).isEqualTo(8080);
  }

  @Test
  void defaultsFollowTheContract() {
    WorkerConfig config =
        WorkerConfig.fromEnvironment(Map.of("COMPUTECASE_QUEUE_URL", "http://q/1/computecase-x"));

    assertThat(config.concurrency()).isEqualTo(10);
    assertThat(config.pollers()).isEqualTo(1);
    assertThat(config.computation()).isEqualTo("simulate");
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.sfnEndpoint()).isEmpty();
    assertThat(config.workerId()).isNotBlank();
  }

  @Test
  void pollersGrowWithConcurrencyUpToACap() {
    assertThat(WorkerConfig.builder().target("t").concurrency(45).build().pollers()).isEqualTo(5);
    assertThat(WorkerConfig.builder().target("t").concurrency(5000).build().pollers())
        .isEqualTo(10);
  }

  @Test
  void malformedVariablesAreNamedWithTheFix() {
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnvironment(
                    Map.of("COMPUTECASE_TARGET", "t", "COMPUTECASE_CONCURRENCY", "lots")))
        .hasMessageContaining("COMPUTECASE_CONCURRENCY")
        .hasMessageContaining("'lots'");
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnvironment(
                    Map.of("COMPUTECASE_TARGET", "t", "COMPUTECASE_SQS_ENDPOINT", "localhost")))
        .hasMessageContaining("COMPUTECASE_SQS_ENDPOINT")
        .hasMessageContaining("http://");
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnvironment(
                    Map.of("COMPUTECASE_TARGET", "t", "COMPUTECASE_HTTP_PORT", "99999")))
        .hasMessageContaining("COMPUTECASE_HTTP_PORT");
  }

  /** OperatorConfigTest expects these very texts from the operator for the same values. */
  @Test
  void aBadValueReadsAsItDoesInTheOperator() {
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnvironment(
                    Map.of("COMPUTECASE_TARGET", "t", "COMPUTECASE_HTTP_PORT", "abc")))
        .hasMessage(
            "COMPUTECASE_HTTP_PORT='abc' is not a port: set it to an integer between 0 and 65535"
                + " (0 takes any free port, -1 serves none)");
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnvironment(
                    Map.of("COMPUTECASE_TARGET", "t", "COMPUTECASE_SQS_ENDPOINT", "sqs:9324")))
        .hasMessage(
            "COMPUTECASE_SQS_ENDPOINT='sqs:9324' is not an endpoint URL: set it like"
                + " http://127.0.0.1:4566, or unset it to use AWS's default endpoint");
  }

  @Test
  void theQueueMustBeGivenAndAUrlWinsOverATarget() {
    assertThatThrownBy(() -> WorkerConfig.fromEnvironment(Map.of()))
        .hasMessageContaining("COMPUTECASE_QUEUE_URL")
        .hasMessageContaining("COMPUTECASE_TARGET");
    WorkerConfig both =
        WorkerConfig.builder().queueUrl("http://q/1/computecase-a").target("b").build();
    assertThat(both.queueUrl()).contains("http://q/1/computecase-a");
    assertThat(both.target()).isEmpty();
  }

  @Test
  void anUnknownComputationIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(
            () -> Worker.start(WorkerConfig.builder().target("t").computation("quantum").build()))
        .hasMessageContaining("'quantum'")
        .hasMessageContaining("simulate")
        .hasMessageContaining("cpu")
        .hasMessageContaining("exec");
  }

  @Test
  void execSettingsComeFromTheTargetsVariables() {
    WorkerConfig config =
        WorkerConfig.fromEnvironment(
            Map.of(
                "COMPUTECASE_TARGET", "gpu",
                "COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS", "600",
                "COMPUTECASE_EXEC_AWS_CREDENTIALS", "true",
                "COMPUTECASE_EXEC_ENVIRONMENT", "DATABASE_URL, MODEL_DIR"));
    assertThat(config.exec().maxTimeout().toSeconds()).isEqualTo(600);
    assertThat(config.exec().awsCredentials()).isTrue();
    assertThat(config.exec().environment()).containsExactly("DATABASE_URL", "MODEL_DIR");
    assertThat(
            WorkerConfig.fromEnvironment(Map.of("COMPUTECASE_TARGET", "gpu"))
                .exec()
                .awsCredentials())
        .isFalse();
  }

  @Test
  void aMisspeltSwitchOrAnInconsistentTimeoutIsNamed() {
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnvironment(
                    Map.of("COMPUTECASE_TARGET", "gpu", "COMPUTECASE_EXEC_AWS_CREDENTIALS", "yes")))
        .hasMessage(
            "COMPUTECASE_EXEC_AWS_CREDENTIALS='yes' is not a boolean: set it to true or false");
    assertThatThrownBy(
            () ->
                WorkerConfig.fromEnvironment(
                    Map.of(
                        "COMPUTECASE_TARGET", "gpu",
                        "COMPUTECASE_EXEC_TIMEOUT_SECONDS", "900",
                        "COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS", "600")))
        .hasMessageContaining("COMPUTECASE_EXEC_TIMEOUT_SECONDS (900)")
        .hasMessageContaining("COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS (600)");
  }
}
