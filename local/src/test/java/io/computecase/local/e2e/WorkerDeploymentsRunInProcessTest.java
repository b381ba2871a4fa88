package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.Computation;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.computecase.operator.target.WorkerDeployment;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the embedded stack a ComputeTarget's Deployment runs as many workers as its replicas say. */
class WorkerDeploymentsRunInProcessTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 10);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void scalingTheDeploymentStartsAndStopsWorkers() {
    String deployment = WorkerDeployment.name("default");
    await().atMost(Duration.ofMinutes(1)).until(() -> fixture.stack.runningWorkers("default") == 1);

    fixture
        .stack
        .client()
        .apps()
        .deployments()
        .inNamespace("default")
        .withName(deployment)
        .scale(3);

    await().atMost(Duration.ofMinutes(1)).until(() -> fixture.stack.runningWorkers("default") == 3);
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> {
              Deployment d =
                  fixture
                      .stack
                      .client()
                      .apps()
                      .deployments()
                      .inNamespace("default")
                      .withName(deployment)
                      .get();
              assertThat(d.getStatus().getReadyReplicas()).isEqualTo(3);
            });

    fixture
        .stack
        .client()
        .apps()
        .deployments()
        .inNamespace("default")
        .withName(deployment)
        .scale(2);
    await().atMost(Duration.ofMinutes(1)).until(() -> fixture.stack.runningWorkers("default") == 2);
  }

  @Test
  void anExecTargetRunsNoWorkerUnlessTheStackAllowsExec() {
    ComputeTargetSpec spec = new ComputeTargetSpec();
    spec.setImage("computecase-worker:embedded");
    spec.setReplicas(1);
    Computation computation = new Computation();
    computation.setKind("exec");
    spec.setComputation(computation);
    ComputeTarget target = new ComputeTarget();
    target.setMetadata(
        new ObjectMetaBuilder().withName("scripts").withNamespace("default").build());
    target.setSpec(spec);
    fixture.stack.client().resource(target).create();

    String name = WorkerDeployment.name("scripts");
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> {
              Deployment d =
                  fixture
                      .stack
                      .client()
                      .apps()
                      .deployments()
                      .inNamespace("default")
                      .withName(name)
                      .get();
              assertThat(d).isNotNull();
              assertThat(d.getStatus()).isNotNull();
              assertThat(d.getStatus().getConditions())
                  .singleElement()
                  .satisfies(
                      c -> {
                        assertThat(c.getType()).isEqualTo("ReplicaFailure");
                        assertThat(c.getReason()).isEqualTo("ExecNotAllowed");
                        assertThat(c.getMessage()).contains("--allow-exec");
                      });
            });
    assertThat(fixture.stack.runningWorkers("scripts")).isZero();
  }
}
