package io.computecase.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code computecase-local up --kubeconfig FILE}, as a user runs it: the jar's own command line
 * against the real API server. It installs the CRDs there, prints the export lines, and a case
 * applied with kubectl runs on its workers; SIGTERM stops it.
 */
@RealApiServerTest
class UpOnRealClusterTest {
  private static final String NAMESPACE = "up-command";

  @TempDir Path tmp;

  @Test
  void upRunsTheStackAgainstTheClusterAndKubectlDrivesIt() throws Exception {
    RealCluster cluster = RealCluster.get();
    cluster.ensureNamespace(NAMESPACE);
    Path jar = RealCluster.repo().resolve("local/target/computecase-local.jar");
    Path out = tmp.resolve("up.out");
    Process up =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "up",
                    "--kubeconfig",
                    cluster.kubeconfig().toString(),
                    "--workers",
                    "1"))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    try {
      await("up is ready")
          .atMost(Duration.ofMinutes(2))
          .until(() -> read(out).contains("Stop with Ctrl-C"));
      String printed = read(out);
      assertThat(printed).contains("export KUBECONFIG=" + cluster.kubeconfig());
      assertThat(printed).containsPattern("AWS_ENDPOINT_URL_SFN=http://127\\.0\\.0\\.1:\\d+");

      // a case only sees the targets of its own namespace: up applies `default` in namespace
      // default, and a team using another namespace applies its own, as here
      RealCluster.Result target =
          cluster.kubectlWithInput(
              "apiVersion: computecase.io/v1alpha1\nkind: ComputeTarget\nmetadata:\n  name: default\n"
                  + "spec:\n  image: computecase-worker:embedded\n  replicas: 1\n",
              "apply",
              "-n",
              NAMESPACE,
              "-f",
              "-");
      assertThat(target.exit()).as(target.output()).isZero();
      RealCluster.Result applied =
          cluster.kubectlWithInput(
              CaseManifests.computeCase(
                  "from-up", "items: [{caseId: a}, {caseId: b}]\n  parameters: {computeMs: 100}"),
              "apply",
              "-n",
              NAMESPACE,
              "-f",
              "-");
      assertThat(applied.exit()).as(applied.output()).isZero();
      RealCluster.Result waited =
          cluster.kubectl(
              "wait",
              "-n",
              NAMESPACE,
              "--for=jsonpath={.status.phase}=Succeeded",
              "cc/from-up",
              "--timeout=120s");
      assertThat(waited.exit()).as(waited.output() + read(out)).isZero();

      RealCluster.Result deleted =
          cluster.kubectl("delete", "cc", "from-up", "-n", NAMESPACE, "--timeout=60s");
      assertThat(deleted.exit()).as(deleted.output()).isZero();
      for (String namespace : List.of(NAMESPACE, "default")) {
        RealCluster.Result removed =
            cluster.kubectl("delete", "computetarget", "default", "-n", namespace, "--timeout=60s");
        assertThat(removed.exit()).as(removed.output()).isZero();
      }
    } finally {
      up.destroy();
      assertThat(up.waitFor(30, TimeUnit.SECONDS)).as("up stops on SIGTERM").isTrue();
      cluster.kubectl("delete", "namespace", NAMESPACE, "--wait=false");
    }
  }

  @Test
  void aMissingKubeconfigIsNamedWithItsFix() {
    RealCluster.Result refused =
        RealCluster.exec(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                RealCluster.repo().resolve("local/target/computecase-local.jar").toString(),
                "up",
                "--kubeconfig",
                tmp.resolve("absent").toString()),
            Map.of(),
            null);
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.output())
        .contains("--kubeconfig")
        .contains("absent")
        .contains("is not a readable file");
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
