package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against the embedded stack: apply, wait until Succeeded, get, describe, explain,
 * delete.
 */
class KubectlDrivesTheEmbeddedStackTest {
  private static StackFixture fixture;
  private static Path kubeconfig;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    assumeTrue(present("kubectl", "version", "--client"), "kubectl is not on the PATH");
    fixture = new StackFixture(1, 10);
    kubeconfig = fixture.stack.kubernetes().writeKubeconfig(tmp.resolve("kubeconfig"));
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void applyWatchDescribeDelete() throws Exception {
    Path manifest = tmp.resolve("case.yaml");
    try (InputStream in = getClass().getResourceAsStream("/kubectl/case.yaml")) {
      Files.write(manifest, in.readAllBytes());
    }

    assertThat(kubectl("apply", "-f", manifest.toString()).stdout())
        .contains("computecase.computecase.io/from-kubectl created");
    Result waited =
        kubectl(
            "wait",
            "--for=jsonpath={.status.phase}=Succeeded",
            "computecase/from-kubectl",
            "--timeout=180s");
    assertThat(waited.stdout()).contains("condition met");

    String table = kubectl("get", "computecases").stdout();
    assertThat(table).contains("NAME", "PHASE", "DONE", "FAILED", "AGE");
    assertThat(table).containsPattern("from-kubectl\\s+\\S+\\s+Succeeded\\s+5/5\\s+0");
    assertThat(
            kubectl("get", "cc", "from-kubectl", "-o", "jsonpath={.status.summary.succeeded}")
                .stdout())
        .isEqualTo("5");
    assertThat(kubectl("describe", "computecase", "from-kubectl").stdout())
        .contains("Succeeded")
        .contains("Execution Arn");
    assertThat(kubectl("explain", "computecase.spec").stdout())
        .contains("maxConcurrency")
        .contains("parameters");

    assertThat(kubectl("delete", "computecase", "from-kubectl").stdout()).contains("deleted");
    Result gone = run(List.of("kubectl", "get", "computecase", "from-kubectl"));
    assertThat(gone.exit()).isNotZero();
    assertThat(gone.stderr()).contains("NotFound");
  }

  @Test
  void aBadSpecIsRefusedAtApplyTimeNamingTheField() throws Exception {
    Path manifest = tmp.resolve("bad.yaml");
    Files.writeString(
        manifest,
        String.join(
            "\n",
            "apiVersion: computecase.io/v1alpha1",
            "kind: ComputeCase",
            "metadata:",
            "  name: bad",
            "spec:",
            "  generate:",
            "    count: 3",
            "  maxConcurrency: many",
            ""));
    Result refused = run(List.of("kubectl", "apply", "-f", manifest.toString()));
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.stderr()).contains("spec.maxConcurrency");
  }

  private record Result(int exit, String stdout, String stderr) {}

  private static Result kubectl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(List.of(args));
    Result result = run(command);
    assertThat(result.exit()).as("%s: %s", String.join(" ", command), result.stderr()).isZero();
    return result;
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    process.waitFor(200, TimeUnit.SECONDS);
    return new Result(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private static boolean present(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
