package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl delete, with and without finalizers. */
class KubectlDeleteTest {

  @TempDir Path dir;
  private EmbeddedKubernetes server;
  private Kubectl kubectl;

  @BeforeEach
  void start() {
    Kubectl.assumeInstalled();
    server = EmbeddedKubernetes.builder().build();
    kubectl = new Kubectl(server.writeKubeconfig(dir.resolve("kubeconfig")));
    kubectl.run("apply", "-f", ComputeCases.CRD_FILE.toString());
    kubectl.run("apply", "-f", ComputeCases.CASE_FILE.toString());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void deleteRemovesAnObjectWithoutFinalizers() {
    Kubectl.Result delete = kubectl.run("delete", "cc", "demo");

    assertThat(delete.out())
        .as(delete.toString())
        .contains("computecase.computecase.io \"demo\" deleted");
    assertThat(kubectl.run("get", "cc", "demo").err())
        .contains("Error from server (NotFound): computecases.computecase.io \"demo\" not found");
  }

  @Test
  void deleteWithAFinalizerOnlyMarksTheObjectUntilTheFinalizerIsRemoved() {
    kubectl.run(
        "patch",
        "cc",
        "demo",
        "--type",
        "merge",
        "-p",
        "{\"metadata\":{\"finalizers\":[\"computecase.io/cleanup\"]}}");

    Kubectl.Result delete = kubectl.run("delete", "cc", "demo", "--wait=false");

    assertThat(delete.out()).as(delete.toString()).contains("\"demo\" deleted");
    Kubectl.Result marked =
        kubectl.run(
            "get",
            "cc",
            "demo",
            "-o",
            "jsonpath={.metadata.deletionTimestamp} {.metadata.finalizers[0]}");
    assertThat(marked.out())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ computecase.io/cleanup");

    kubectl.run(
        "patch",
        "cc",
        "demo",
        "--type",
        "json",
        "-p",
        "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");

    assertThat(kubectl.run("get", "cc", "demo").err()).contains("\"demo\" not found");
  }

  @Test
  void deletingAMissingObjectSaysNotFound() {
    Kubectl.Result delete = kubectl.run("delete", "cc", "absent");

    assertThat(delete.exitCode()).isNotZero();
    assertThat(delete.err()).contains("computecases.computecase.io \"absent\" not found");
  }

  @Test
  void deletingTheCrdDeletesItsResourcesAndItsKind() {
    Kubectl.Result delete = kubectl.run("delete", "-f", ComputeCases.CRD_FILE.toString());

    assertThat(delete.out())
        .as(delete.toString())
        .contains("computecases.computecase.io\" deleted");
    // kubectl's discovery cache still knows the kind; the server says it is gone
    assertThat(kubectl.run("get", "computecases").err())
        .contains(
            "NotFound",
            "no kind serves /apis/computecase.io/v1alpha1/namespaces/default/computecases");
    kubectl.run("apply", "-f", ComputeCases.CRD_FILE.toString());
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(kubectl.run("get", "computecases").err())
                    .contains("No resources found"));
  }
}
