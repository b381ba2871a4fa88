package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker pool Deployment: apply (strategic merge on re-apply), scale, get. */
class KubectlDeploymentTest {

  @TempDir Path dir;
  private EmbeddedKubernetes server;
  private Kubectl kubectl;

  @BeforeEach
  void start() {
    Kubectl.assumeInstalled();
    server = EmbeddedKubernetes.builder().build();
    kubectl = new Kubectl(server.writeKubeconfig(dir.resolve("kubeconfig")));
    Kubectl.Result apply = kubectl.run("apply", "-f", ComputeCases.DEPLOYMENT_FILE.toString());
    assertThat(apply.out()).as(apply.toString()).contains("deployment.apps/workers created");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void scaleChangesTheReplicasThroughTheScaleSubresource() {
    Kubectl.Result scale = kubectl.run("scale", "deployment", "workers", "--replicas=4");

    assertThat(scale.out()).as(scale.toString()).contains("deployment.apps/workers scaled");
    assertThat(kubectl.run("get", "deploy", "workers", "-o", "jsonpath={.spec.replicas}").out())
        .isEqualTo("4");
    assertThat(
            server
                .client()
                .apps()
                .deployments()
                .inNamespace("default")
                .withName("workers")
                .scale()
                .getSpec()
                .getReplicas())
        .isEqualTo(4);
  }

  @Test
  void reapplyRestoresWhatTheFileSaysAndKeepsTheOtherContainersFields() {
    kubectl.run("set", "image", "deployment/workers", "worker=computecase-worker:2");
    kubectl.run("set", "env", "deployment/workers", "EXTRA=1");

    Kubectl.Result apply = kubectl.run("apply", "-f", ComputeCases.DEPLOYMENT_FILE.toString());

    assertThat(apply.out()).as(apply.toString()).contains("deployment.apps/workers configured");
    Kubectl.Result container =
        kubectl.run(
            "get",
            "deploy",
            "workers",
            "-o",
            "jsonpath={.spec.template.spec.containers[0].image}"
                + " {.spec.template.spec.containers[0].env[*].name}");
    assertThat(container.out()).isEqualTo("computecase-worker:latest COMPUTECASE_TARGET EXTRA");
  }

  @Test
  void getPrintsTheDeploymentColumns() {
    Kubectl.Result get = kubectl.run("get", "deployments");

    assertThat(get.out().lines().toList().get(0).split("\\s+"))
        .containsExactly("NAME", "REPLICAS", "READY", "AVAILABLE", "AGE");
    assertThat(get.out()).contains("workers");
  }

  @Test
  void scaleOfACustomResourceUsesTheCrdsReplicaPaths() {
    Kubectl.Result apply =
        kubectl.run(
            "apply", "-f", ComputeCases.RESOURCES.resolve("workerpools-crd.yaml").toString());
    if (!apply.out().contains("workerpool.test.computecase.io/pool created")) {
      // the kind may not be discovered in the same run that created its CRD; apply again
      apply =
          kubectl.run(
              "apply", "-f", ComputeCases.RESOURCES.resolve("workerpools-crd.yaml").toString());
    }
    assertThat(apply.out()).as(apply.toString()).contains("workerpool.test.computecase.io/pool");

    Kubectl.Result scale = kubectl.run("scale", "workerpool", "pool", "--replicas=5");

    assertThat(scale.out())
        .as(scale.toString())
        .contains("workerpool.test.computecase.io/pool scaled");
    assertThat(kubectl.run("get", "workerpool", "pool", "-o", "jsonpath={.spec.size}").out())
        .isEqualTo("5");
  }
}
