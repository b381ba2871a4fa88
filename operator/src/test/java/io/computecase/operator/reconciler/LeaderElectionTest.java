package io.computecase.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.ComputeCaseOperator;
import io.computecase.operator.config.OperatorConfig;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.testing.TestingStepFunctions;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two replicas elect one leader through a Lease; when it goes, the other finishes the case. */
class LeaderElectionTest {
  private OperatorTestStack stack;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private OperatorConfig replica(String identity) {
    return stack.config().toBuilder()
        .leaderElection(true)
        .leaseNamespace("cases")
        .leaseIdentity(identity)
        .leaseDuration(Duration.ofSeconds(3))
        .httpPort(-1)
        .build();
  }

  private String holder() {
    Lease lease = stack.client.leases().inNamespace("cases").withName("computecase-operator").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  @Test
  void oneReplicaLeadsAndTheOtherTakesOverWithoutASecondExecution() {
    ComputeCaseOperator first = stack.startOperator(replica("replica-a"));
    ComputeCaseOperator second = stack.startOperator(replica("replica-b"));
    await().atMost(Duration.ofSeconds(20)).until(() -> holder() != null);
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(3));
    stack.create("led", spec);
    ComputeCase running = stack.awaitCase("led", c -> c.getStatus().getStartTime() != null);

    String leader = holder();
    (leader.equals("replica-a") ? first : second).stop();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> holder() != null && !holder().equals(leader));
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    stack.sfn.finish(execution, "SUCCEEDED", "{}");

    stack.awaitCase("led", OperatorTestStack.phase("Succeeded"));
    assertThat(stack.sfn.executions()).hasSize(1);
    assertThat(stack.sfn.startExecutionCalls.get()).isEqualTo(1);
  }
}
