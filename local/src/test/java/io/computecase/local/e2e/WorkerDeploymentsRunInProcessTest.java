package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.operator.target.WorkerDeployment;
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

    fixture.stack.client().apps().deployments().inNamespace("default").withName(deployment).scale(3);

    await().atMost(Duration.ofMinutes(1)).until(() -> fixture.stack.runningWorkers("default") == 3);
    await().atMost(Duration.ofMinutes(1))
        .untilAsserted(() -> {
          Deployment d = fixture.stack.client().apps().deployments().inNamespace("default").withName(deployment).get();
          assertThat(d.getStatus().getReadyReplicas()).isEqualTo(3);
        });

    fixture.stack.client().apps().deployments().inNamespace("default").withName(deployment).scale(2);
    await().atMost(Duration.ofMinutes(1)).until(() -> fixture.stack.runningWorkers("default") == 2);
  }
}
