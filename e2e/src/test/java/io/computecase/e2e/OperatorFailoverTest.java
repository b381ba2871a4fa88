package io.computecase.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.local.stack.EmbeddedStack;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * The operator as production runs it: the operator jar's main, out of process, configured by its
 * environment, two replicas electing a leader through a Lease on the real API server. A leader
 * killed with -9 in the middle of a 1,000-item case is replaced within the Lease's duration, the
 * case still has exactly one execution and ends 1000/1000; a leader that stalls and loses its Lease
 * exits instead of writing beside the new one.
 */
@RealApiServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorFailoverTest {
  private static final String NAMESPACE = "failover";
  private static final int LEASE_SECONDS = 10;

  /** How often a follower tries to take an expired Lease (a sixth of its duration). */
  private static final Duration RETRY_PERIOD = Duration.ofSeconds(LEASE_SECONDS).dividedBy(6);

  private static ClusterStack stack;
  private static OperatorReplica first;
  private static OperatorReplica second;
  private static OperatorReplica third;
  private static OperatorReplica fourth;

  @BeforeAll
  static void start() {
    stack = ClusterStack.start(false, 2, 100, NAMESPACE);
    stack.cluster.ensureNamespace(OperatorReplica.LEASE_NAMESPACE);
    first = OperatorReplica.start("operator-a", stack.cluster, stack.stack, LEASE_SECONDS);
    second = OperatorReplica.start("operator-b", stack.cluster, stack.stack, LEASE_SECONDS);
  }

  @AfterAll
  static void stop() {
    try {
      if (stack != null) {
        stack.close(); // while a leader still runs, to release the cases' finalizers
      }
    } finally {
      for (OperatorReplica replica : new OperatorReplica[] {first, second, third, fourth}) {
        if (replica != null) {
          replica.close();
        }
      }
    }
  }

  @Test
  @Order(1)
  void aKilledLeaderIsReplacedWithinTheLeaseAndTheCaseEndsWithOneExecution() {
    String leader = awaitLeader(List.of(first.name, second.name));
    OperatorReplica killed = leader.equals(first.name) ? first : second;
    OperatorReplica survivor = killed == first ? second : first;

    Resource<ComputeCase> computeCase = stack.create(NAMESPACE, "failover-1000", 1000, 3_000);
    await("the case is under way")
        .atMost(Duration.ofMinutes(2))
        .until(() -> done(computeCase) >= 100);
    assertThat(done(computeCase))
        .as("the kill must land in the middle of the case")
        .isLessThan(1000);

    long killedAt = System.nanoTime();
    killed.killHard();
    await("the survivor takes the Lease")
        .atMost(Duration.ofSeconds(LEASE_SECONDS).plus(RETRY_PERIOD).plusSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> survivor.name.equals(holder().orElse("")));
    double failover = (System.nanoTime() - killedAt) / 1e9;
    System.out.printf("FAILOVER seconds=%.1f lease_seconds=%d%n", failover, LEASE_SECONDS);

    await("the case succeeds")
        .atMost(Duration.ofMinutes(3))
        .until(() -> "Succeeded".equals(ClusterStack.phase(computeCase)));
    assertThat(ClusterStack.status(computeCase).getSummary().getSucceeded()).isEqualTo(1000);
    assertThat(ClusterStack.status(computeCase).getProgress().getDone()).isEqualTo("1000/1000");
    String uid = computeCase.get().getMetadata().getUid();
    List<ExecutionListItem> executions =
        stack
            .sfn
            .listExecutionsPaginator(b -> b.stateMachineArn(stateMachineArn()))
            .executions()
            .stream()
            .toList();
    assertThat(executions).extracting(ExecutionListItem::name).containsExactly("cc-" + uid);
  }

  @Test
  @Order(2)
  void aLeaderThatLosesItsLeaseExits() {
    OperatorReplica leader = first.alive() ? first : second;
    assertThat(holder()).contains(leader.name);
    third = OperatorReplica.start("operator-c", stack.cluster, stack.stack, LEASE_SECONDS);

    // The leader stalls past its Lease; the follower takes it over meanwhile.
    leader.signal("STOP");
    await("the follower takes the Lease of the stalled leader")
        .atMost(Duration.ofSeconds(LEASE_SECONDS * 3L))
        .until(() -> third.name.equals(holder().orElse("")));
    leader.signal("CONT");

    await("the former leader exits")
        .atMost(Duration.ofSeconds(LEASE_SECONDS * 2L))
        .until(() -> !leader.alive());
    assertThat(leader.exitCode()).as(leader.output()).isEqualTo(1);
    assertThat(holder()).contains(third.name);

    // and the new leader serves: a new case runs to its end
    Resource<ComputeCase> after = stack.create(NAMESPACE, "after-lost-lease", 10, 100);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> "Succeeded".equals(ClusterStack.phase(after)));
  }

  @Test
  @Order(3)
  void aLeaderStoppedWithSigtermExitsAtOnceAndAFollowerTakesOver() {
    OperatorReplica leader = third;
    assertThat(holder()).contains(leader.name);
    fourth = OperatorReplica.start("operator-d", stack.cluster, stack.stack, LEASE_SECONDS);
    await("the new replica runs")
        .atMost(Duration.ofMinutes(1))
        .until(() -> fourth.output().contains("New leader with identity"));

    long stoppedAt = System.nanoTime();
    leader.signal("TERM");
    // a pod's grace period is 30 s by default; the stop must not wait for it
    await("the leader exits").atMost(Duration.ofSeconds(10)).until(() -> !leader.alive());
    System.out.printf("SIGTERM_EXIT seconds=%.1f%n", (System.nanoTime() - stoppedAt) / 1e9);
    await("the follower takes the Lease")
        .atMost(Duration.ofSeconds(LEASE_SECONDS).plus(RETRY_PERIOD).plusSeconds(2))
        .until(() -> fourth.name.equals(holder().orElse("")));
  }

  private static String awaitLeader(List<String> candidates) {
    await("a replica leads")
        .atMost(Duration.ofMinutes(2))
        .until(() -> holder().filter(candidates::contains).isPresent());
    return holder().orElseThrow();
  }

  private static Optional<String> holder() {
    Lease lease =
        stack
            .client()
            .resources(Lease.class)
            .inNamespace(OperatorReplica.LEASE_NAMESPACE)
            .withName(OperatorReplica.LEASE_NAME)
            .get();
    return Optional.ofNullable(lease).map(l -> l.getSpec().getHolderIdentity());
  }

  private static int done(Resource<ComputeCase> computeCase) {
    var progress = ClusterStack.status(computeCase).getProgress();
    if (progress == null || progress.getDone() == null) {
      return 0;
    }
    return Integer.parseInt(progress.getDone().substring(0, progress.getDone().indexOf('/')));
  }

  private static String stateMachineArn() {
    return "arn:aws:states:" + EmbeddedStack.REGION + ":000000000000:stateMachine:computecase";
  }
}
