package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.worker.computation.ExecSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What of the worker's environment an exec program sees, by the target's settings. */
class ExecSettingsTest {
  private static final Map<String, String> WORKER =
      Map.of(
          "PATH", "/usr/bin",
          "HOME", "/home/worker",
          "AWS_ACCESS_KEY_ID", "AKIA…",
          "AWS_SECRET_ACCESS_KEY", "secret",
          "AWS_REGION", "eu-west-1",
          "DATABASE_URL", "postgres://…",
          "COMPUTECASE_QUEUE_URL", "https://sqs…");

  private static ExecSettings settings(boolean awsCredentials, List<String> environment) {
    return new ExecSettings(
        Optional.of("true"),
        Duration.ofSeconds(5),
        Duration.ofHours(1),
        awsCredentials,
        environment);
  }

  @Test
  void byDefaultNoCredentialsAndNothingOfTheWorkersOwn() {
    assertThat(settings(false, List.of()).programEnvironment(WORKER))
        .containsOnlyKeys("PATH", "HOME");
  }

  @Test
  void aTargetThatOptsInPassesTheAwsVariables() {
    assertThat(settings(true, List.of()).programEnvironment(WORKER))
        .containsOnlyKeys(
            "PATH", "HOME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION");
  }

  @Test
  void namedVariablesPassAndOnlyThose() {
    assertThat(settings(false, List.of("DATABASE_URL", "ABSENT")).programEnvironment(WORKER))
        .containsOnlyKeys("PATH", "HOME", "DATABASE_URL");
  }
}
