package io.computecase.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The operator container's environment: documented defaults, overrides, clear refusals. */
class OperatorConfigTest {
  @Test
  void anEmptyEnvironmentGivesTheDocumentedDefaults() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_S3_BUCKET", "computecase-results"));

    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.busName()).isEqualTo("computecase");
    assertThat(config.stateMachineName()).isEqualTo("computecase");
    assertThat(config.stateMachineRoleArn())
        .isEqualTo("arn:aws:iam::000000000000:role/computecase-state-machine");
    assertThat(config.sfnEndpoint()).isEmpty();
    assertThat(config.eventsEndpoint()).isEmpty();
    assertThat(config.sqsEndpoint()).isEmpty();
    assertThat(config.s3Endpoint()).isEmpty();
    assertThat(config.s3Bucket()).contains("computecase-results");
    assertThat(config.watchNamespaces()).isEmpty();
    assertThat(config.targets()).isEmpty();
    assertThat(config.maxReceiveCount()).isEqualTo(5);
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.leaderElection()).isFalse();
    assertThat(config.computeTargets()).isTrue();
  }

  @Test
  void readsEveryDocumentedVariable() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(
            Map.ofEntries(
                Map.entry("AWS_REGION", "eu-west-1"),
                Map.entry("COMPUTECASE_BUS_NAME", "bus"),
                Map.entry("COMPUTECASE_STATE_MACHINE_NAME", "sm"),
                Map.entry("COMPUTECASE_STATE_MACHINE_ROLE_ARN", "arn:aws:iam::1:role/r"),
                Map.entry("COMPUTECASE_SFN_ENDPOINT", "http://127.0.0.1:1001"),
                Map.entry("COMPUTECASE_EVENTS_ENDPOINT", "http://127.0.0.1:1002"),
                Map.entry("COMPUTECASE_SQS_ENDPOINT", "http://127.0.0.1:1003"),
                Map.entry("COMPUTECASE_S3_ENDPOINT", "http://127.0.0.1:1004"),
                Map.entry("COMPUTECASE_S3_BUCKET", "results"),
                Map.entry("COMPUTECASE_WATCH_NAMESPACES", "a, b,,"),
                Map.entry("COMPUTECASE_TARGETS", "cpu,slow"),
                Map.entry("COMPUTECASE_HTTP_PORT", "9090"),
                Map.entry("COMPUTECASE_LEADER_ELECTION", "true"),
                Map.entry("POD_NAME", "operator-0")));

    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.busName()).isEqualTo("bus");
    assertThat(config.stateMachineName()).isEqualTo("sm");
    assertThat(config.stateMachineRoleArn()).isEqualTo("arn:aws:iam::1:role/r");
    assertThat(config.sfnEndpoint()).contains(URI.create("http://127.0.0.1:1001"));
    assertThat(config.eventsEndpoint()).contains(URI.create("http://127.0.0.1:1002"));
    assertThat(config.sqsEndpoint()).contains(URI.create("http://127.0.0.1:1003"));
    assertThat(config.s3Endpoint()).contains(URI.create("http://127.0.0.1:1004"));
    assertThat(config.s3Bucket()).contains("results");
    assertThat(config.watchNamespaces()).isEqualTo(Set.of("a", "b"));
    assertThat(config.targets()).isEqualTo(List.of("cpu", "slow"));
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.leaderElection()).isTrue();
    assertThat(config.leaseIdentity()).isEqualTo("operator-0");
  }

  @Test
  void aResourcePrefixNamesTheBusTheStateMachineAndItsRole() {
    OperatorConfig config =
        OperatorConfig.fromEnvironment(
            Map.of(
                "COMPUTECASE_RESOURCE_PREFIX",
                "team-x",
                "COMPUTECASE_TARGETS",
                "cpu",
                "COMPUTECASE_S3_BUCKET",
                "b"));

    assertThat(config.busName()).isEqualTo("team-x");
    assertThat(config.stateMachineName()).isEqualTo("team-x");
    assertThat(config.stateMachineRoleArn())
        .isEqualTo("arn:aws:iam::000000000000:role/team-x-state-machine");
    assertThat(config.awsNames().installWide("cpu")).isEqualTo("team-x-cpu");
  }

  @Test
  void refusesAPrefixOrATargetThatCannotNameAwsResources() {
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_RESOURCE_PREFIX", "Team_X")))
        .hasMessageContaining("prefix 'Team_X'")
        .hasMessageContaining("COMPUTECASE_RESOURCE_PREFIX");
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_TARGETS", "t".repeat(60))))
        .hasMessageContaining("over EventBridge's 64 characters")
        .hasMessageContaining("at most 52 characters");
  }

  @Test
  void refusesMalformedValuesNamingTheVariableAndTheFix() {
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_SFN_ENDPOINT", "localhost")))
        .hasMessageContaining("COMPUTECASE_SFN_ENDPOINT='localhost'")
        .hasMessageContaining("http://127.0.0.1:4566");
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_HTTP_PORT", "eighty")))
        .hasMessageContaining("COMPUTECASE_HTTP_PORT='eighty'")
        .hasMessageContaining("between 0 and 65535");
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_MAX_RECEIVE_COUNT", "0")))
        .hasMessageContaining("COMPUTECASE_MAX_RECEIVE_COUNT='0' is not a positive integer");
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_LEADER_ELECTION", "yes")))
        .hasMessage("COMPUTECASE_LEADER_ELECTION='yes' is not a boolean: set it to true or false");
  }

  /** WorkerConfigTest expects these very texts from the worker for the same values. */
  @Test
  void aBadValueReadsAsItDoesInTheWorker() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_HTTP_PORT", "abc")))
        .hasMessage(
            "COMPUTECASE_HTTP_PORT='abc' is not a port: set it to an integer between 0 and 65535"
                + " (0 takes any free port, -1 serves none)");
    assertThatThrownBy(
            () -> OperatorConfig.fromEnvironment(Map.of("COMPUTECASE_SQS_ENDPOINT", "sqs:9324")))
        .hasMessage(
            "COMPUTECASE_SQS_ENDPOINT='sqs:9324' is not an endpoint URL: set it like"
                + " http://127.0.0.1:4566, or unset it to use AWS's default endpoint");
  }

  @Test
  void refusesToStartWithoutABucketNamingTheVariableAndTheFix() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("COMPUTECASE_S3_BUCKET is not set: set it to the S3 bucket")
        .hasMessageContaining("aws.s3.bucket");
    OperatorConfig inProcess = OperatorConfig.builder().build();
    assertThat(inProcess.s3Bucket()).isEmpty();
    assertThatThrownBy(inProcess::requireS3Bucket)
        .hasMessageContaining("OperatorConfig.Builder.s3Bucket");
    assertThat(inProcess.toBuilder().s3Bucket("b").build().requireS3Bucket()).isEqualTo("b");
  }
}
