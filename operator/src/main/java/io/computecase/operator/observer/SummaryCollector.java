package io.computecase.operator.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.DurationStats;
import io.computecase.api.v1alpha1.ItemFailure;
import io.computecase.api.v1alpha1.Summary;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The summary of a finished case: counts from the Map Run, wall time from the execution, durations
 * from the execution's output, failures from the Map Run's failed child executions.
 */
public final class SummaryCollector {
  static final int MAX_FAILURES = 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SfnClient sfn;

  public SummaryCollector(SfnClient sfn) {
    this.sfn = sfn;
  }

  public Summary summarize(ExecutionSnapshot snapshot, long expectedTotal) {
    Summary summary = new Summary();
    snapshot
        .mapRun()
        .ifPresentOrElse(
            run -> {
              summary.setTotal(run.total());
              summary.setSucceeded(run.succeeded());
              summary.setFailed(run.unsuccessful());
              summary.setFailures(failures(run.mapRunArn()));
            },
            () -> summary.setTotal(expectedTotal));
    if (snapshot.startDate() != null && snapshot.stopDate() != null) {
      long millis = Duration.between(snapshot.startDate(), snapshot.stopDate()).toMillis();
      summary.setWallSeconds(millis / 1000.0);
    }
    summary.setDurationMs(durations(snapshot.output()));
    return summary;
  }

  private static DurationStats durations(String output) {
    if (output == null) {
      return null;
    }
    try {
      JsonNode d = MAPPER.readTree(output).path("durationMs");
      if (!d.isObject()) {
        return null;
      }
      return new DurationStats(num(d, "min"), num(d, "p50"), num(d, "p95"), num(d, "max"));
    } catch (IOException e) {
      return null;
    }
  }

  private static Double num(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  private List<ItemFailure> failures(String mapRunArn) {
    List<ItemFailure> failures = new ArrayList<>();
    for (ExecutionStatus status :
        List.of(ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT, ExecutionStatus.ABORTED)) {
      List<ExecutionListItem> children =
          sfn.listExecutions(
                  r -> r.mapRunArn(mapRunArn).statusFilter(status).maxResults(MAX_FAILURES))
              .executions();
      for (ExecutionListItem child : children) {
        failures.add(failure(sfn.describeExecution(r -> r.executionArn(child.executionArn()))));
      }
    }
    failures.sort(Comparator.comparing(f -> f.getIndex() == null ? Long.MAX_VALUE : f.getIndex()));
    return new ArrayList<>(failures.subList(0, Math.min(MAX_FAILURES, failures.size())));
  }

  private static ItemFailure failure(DescribeExecutionResponse child) {
    Long index = null;
    String caseId = null;
    try {
      JsonNode input = MAPPER.readTree(child.input() == null ? "{}" : child.input());
      if (input.path("index").canConvertToLong()) {
        index = input.path("index").asLong();
      }
      JsonNode id = input.path("item").path("caseId");
      caseId = id.isMissingNode() || id.isNull() ? null : id.asText();
    } catch (IOException e) {
      // an unreadable input still leaves the error and cause worth showing
    }
    String error = child.error();
    if (error == null && child.status() == ExecutionStatus.TIMED_OUT) {
      error = "States.Timeout";
    }
    return new ItemFailure(index, caseId, error, child.cause());
  }
}
