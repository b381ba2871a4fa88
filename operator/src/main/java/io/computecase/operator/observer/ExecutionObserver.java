package io.computecase.operator.observer;

import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;

/** Reads a case's execution and the counters of its Distributed Map Run. */
public final class ExecutionObserver {
  private final SfnClient sfn;

  public ExecutionObserver(SfnClient sfn) {
    this.sfn = sfn;
  }

  public ExecutionSnapshot observe(String executionArn) {
    return observe(executionArn, null);
  }

  /**
   * Reads the execution and its Map Run; a Map Run already known (from status) is described
   * directly, saving a ListMapRuns call on every poll of a running case.
   */
  public ExecutionSnapshot observe(String executionArn, String knownMapRunArn) {
    DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
    Optional<String> mapRunArn =
        knownMapRunArn != null
            ? Optional.of(knownMapRunArn)
            : sfn.listMapRuns(r -> r.executionArn(executionArn)).mapRuns().stream()
                .findFirst()
                .map(MapRunListItem::mapRunArn);
    Optional<MapRunCounters> mapRun =
        mapRunArn.map(arn -> MapRunCounters.of(sfn.describeMapRun(r -> r.mapRunArn(arn))));
    return new ExecutionSnapshot(
        executionArn,
        execution.statusAsString(),
        execution.startDate(),
        execution.stopDate(),
        execution.output(),
        execution.error(),
        execution.cause(),
        mapRun);
  }

  /** Changes a running Map Run's concurrency (spec.maxConcurrency is the one mutable field). */
  public void updateMaxConcurrency(String mapRunArn, int maxConcurrency) {
    sfn.updateMapRun(r -> r.mapRunArn(mapRunArn).maxConcurrency(maxConcurrency));
  }
}
