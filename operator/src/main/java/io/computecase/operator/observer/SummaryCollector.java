package io.computecase.operator.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.CaseResults;
import io.computecase.api.v1alpha1.ItemFailure;
import io.computecase.api.v1alpha1.Summary;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The summary of a finished case: counts from the Map Run, wall time from the execution, durations
 * from the result files the Map Run wrote to S3, failures from the Map Run's failed child
 * executions.
 */
public final class SummaryCollector {
  static final int MAX_FAILURES = 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SfnClient sfn;
  private final ResultFiles results;

  public SummaryCollector(SfnClient sfn, ResultFiles results) {
    this.sfn = sfn;
    this.results = results;
  }

  /** A finished case's summary, and the key of its Map Run's manifest when there is one. */
  public record Outcome(Summary summary, Optional<String> manifestKey) {}

  /**
   * Summarizes a finished execution.
   *
   * @param where the case's results bucket and prefix (status.results); null for none
   * @param eachDuration hears every succeeded item's duration in milliseconds (the metrics)
   */
  public Outcome summarize(
      ExecutionSnapshot snapshot,
      long expectedTotal,
      CaseResults where,
      DoubleConsumer eachDuration) {
    Summary summary = base(snapshot, expectedTotal);
    Optional<String> manifestKey = Optional.empty();
    if (where != null && where.getBucket() != null) {
      DurationSketch sketch = new DurationSketch();
      for (String key : manifestCandidates(snapshot, where)) {
        boolean found =
            results.eachSucceededDuration(
                where.getBucket(),
                key,
                millis -> {
                  sketch.add(millis);
                  eachDuration.accept(millis);
                });
        if (found) {
          manifestKey = Optional.of(key);
          break;
        }
      }
      summary.setDurationMs(sketch.stats());
    }
    return new Outcome(summary, manifestKey);
  }

  /**
   * The manifest named by the execution's output (resultWriterDetails.Key); without an output (the
   * execution failed after the Map wrote its results), the key Step Functions derives from the Map
   * Run.
   */
  private static List<String> manifestCandidates(ExecutionSnapshot snapshot, CaseResults where) {
    List<String> keys = new ArrayList<>();
    if (snapshot.output() != null) {
      try {
        JsonNode key = MAPPER.readTree(snapshot.output()).at("/resultWriterDetails/Key");
        if (key.isTextual()) {
          keys.add(key.asText());
        }
      } catch (IOException e) {
        // an unreadable output: fall back on the derived key
      }
    }
    snapshot
        .mapRun()
        .filter(run -> where.getPrefix() != null)
        .map(run -> ResultFiles.manifestKey(where.getPrefix(), run.mapRunArn()))
        .filter(key -> !keys.contains(key))
        .ifPresent(keys::add);
    return keys;
  }

  private Summary base(ExecutionSnapshot snapshot, long expectedTotal) {
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
    return summary;
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
