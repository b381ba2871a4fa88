package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl get -w follows changes live, including status written through the status subresource. */
class KubectlWatchTest {

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
  void getWatchPrintsAStatusChangeMadeThroughTheStatusSubresource() {
    try (Kubectl.Running watch = kubectl.background("get", "computecases", "-w")) {
      await().atMost(Duration.ofSeconds(20)).until(() -> watch.out().contains("demo"));

      GenericKubernetesResource demo = ComputeCases.named(server.client(), "demo").get();
      demo.setAdditionalProperty(
          "status",
          Map.of("phase", "Succeeded", "progress", Map.of("done", "100/100", "failed", 0)));
      ComputeCases.cases(server.client()).resource(demo).updateStatus();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(watch.out().lines())
                      .anySatisfy(
                          line ->
                              assertThat(line.split("\\s+"))
                                  .startsWith("demo", "Succeeded", "100/100", "0")));
      assertThat(watch.out().lines().filter(line -> line.startsWith("NAME"))).hasSize(1);
    }
  }

  @Test
  void getWatchSeesNewObjectsAndDeletionsButNotOldHistory() {
    try (Kubectl.Running watch = kubectl.background("get", "cc", "-w", "-o", "name")) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> watch.out().contains("computecase.computecase.io/demo"));

      kubectl.run(
          "patch", "cc", "demo", "--type", "merge", "-p", "{\"spec\":{\"target\":\"other\"}}");
      kubectl.run("delete", "cc", "demo");

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          watch
                              .out()
                              .lines()
                              .filter(l -> l.equals("computecase.computecase.io/demo")))
                      .hasSize(3));
    }
  }

  @Test
  void kubectlWaitReturnsWhenThePhaseIsReached() {
    try (Kubectl.Running wait =
        kubectl.background(
            "wait", "cc/demo", "--for=jsonpath={.status.phase}=Succeeded", "--timeout=60s")) {
      GenericKubernetesResource demo = ComputeCases.named(server.client(), "demo").get();
      demo.setAdditionalProperty("status", Map.of("phase", "Succeeded"));
      ComputeCases.cases(server.client()).resource(demo).updateStatus();

      await().atMost(Duration.ofSeconds(60)).until(() -> !wait.process().isAlive());
      assertThat(wait.process().exitValue()).as(wait.err()).isZero();
      assertThat(wait.out()).contains("computecase.computecase.io/demo condition met");
    }
  }
}
