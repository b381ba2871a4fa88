package io.computecase.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.operator.http.OperatorMetrics;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second writer (a user, a GitOps tool, another controller) annotates and patches a running case
 * in a loop on the real API server, whose resourceVersion checks answer 409 to stale writes. None
 * of its writes is lost, and the operator neither fails nor spins on conflicts: it still writes
 * status at its own pace and the case ends as it would alone.
 */
@RealApiServerTest
class ConflictingWriterTest {
  private static final String NAMESPACE = "conflicts";
  private static ClusterStack stack;

  @BeforeAll
  static void start() {
    stack = ClusterStack.start(true, 2, 100, NAMESPACE);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anotherWriterLosesNothingAndTheOperatorCarriesOn() {
    OperatorMetrics metrics = stack.stack.operator().metrics();
    long errorsBefore = metrics.reconcileErrors();
    long writesBefore = metrics.statusWrites();
    Resource<ComputeCase> computeCase = stack.create(NAMESPACE, "contended", 600, 2_000);
    long started = System.nanoTime();

    AtomicBoolean finished = new AtomicBoolean();
    AtomicInteger rounds = new AtomicInteger();
    AtomicInteger writerConflicts = new AtomicInteger();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              while (!finished.get()) {
                int round = rounds.incrementAndGet();
                // a JSON merge patch without a resourceVersion: never conflicts, never lost
                computeCase.patch(
                    PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"annotations\":{\"e2e.computecase.io/touched\":\""
                        + round
                        + "\"}}}");
                // an update that carries the resourceVersion it read: a 409 when the operator wrote
                // in between, retried as a careful client does
                while (true) {
                  ComputeCase current = computeCase.get();
                  current
                      .getMetadata()
                      .getLabels()
                      .put("e2e.computecase.io/round", Integer.toString(round));
                  try {
                    stack
                        .client()
                        .resource(current)
                        .lockResourceVersion(current.getMetadata().getResourceVersion())
                        .update();
                    break;
                  } catch (KubernetesClientException e) {
                    if (e.getCode() != 409) {
                      throw e;
                    }
                    writerConflicts.incrementAndGet();
                  }
                }
              }
            });

    await("the contended case succeeds")
        .atMost(Duration.ofMinutes(3))
        .until(() -> "Succeeded".equals(ClusterStack.phase(computeCase)) || writer.isDone());
    finished.set(true);
    writer.join();
    double seconds = (System.nanoTime() - started) / 1e9;

    ComputeCase last = computeCase.get();
    assertThat(last.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(last.getStatus().getSummary().getSucceeded()).isEqualTo(600);
    assertThat(last.getMetadata().getAnnotations())
        .containsEntry("e2e.computecase.io/touched", Integer.toString(rounds.get()));
    assertThat(last.getMetadata().getLabels())
        .containsEntry("e2e.computecase.io/round", Integer.toString(rounds.get()));
    assertThat(metrics.reconcileErrors() - errorsBefore).as("reconciles that failed").isZero();
    // status is paced to about one write a second; a loop on conflicts would write far more
    long writes = metrics.statusWrites() - writesBefore;
    System.out.printf(
        "CONFLICTS writer_rounds=%d writer_409s=%d operator_status_writes=%d seconds=%.1f%n",
        rounds.get(), writerConflicts.get(), writes, seconds);
    assertThat(rounds.get()).isGreaterThan(10);
    assertThat(writes).isLessThanOrEqualTo((long) Math.ceil(seconds) + 5);
  }
}
