package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.worker.computation.CpuComputation;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CpuComputationTest {
  private final TestingStack stack = new TestingStack();

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void monteCarloPiIsDeterministicPerItemAndCheckable() {
    String first = stack.sendItem(0, "{\"iterations\": 200000}");
    String second = stack.sendItem(1, "{\"iterations\": 200000}");
    stack.start(stack.workerConfig("w1").computation("cpu"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.sfn.accepted("SendTaskSuccess").size() == 2);
    var firstResult = stack.sfn.acceptedFor(first).get(0).output().path("result");
    var secondResult = stack.sfn.acceptedFor(second).get(0).output().path("result");
    assertThat(firstResult.toString()).isEqualTo(CpuComputation.estimate(200_000, 0).toString());
    assertThat(secondResult.toString()).isEqualTo(CpuComputation.estimate(200_000, 1).toString());
    assertThat(firstResult).isNotEqualTo(secondResult);
    assertThat(firstResult.path("pi").asDouble()).isBetween(3.1, 3.2);
  }
}
