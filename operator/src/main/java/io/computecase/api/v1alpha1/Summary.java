package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The outcome of a finished case: counts, wall time, item durations and the first failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Summary {
  private long total;
  private long succeeded;
  private long failed;

  @JsonPropertyDescription("Seconds from the execution's start to its end.")
  private Double wallSeconds;

  @JsonPropertyDescription("Per-item compute durations of the items that succeeded.")
  private DurationStats durationMs;

  @JsonPropertyDescription("The first 20 failed items with their error and cause.")
  private List<ItemFailure> failures = new ArrayList<>();

  public long getTotal() {
    return total;
  }

  public void setTotal(long total) {
    this.total = total;
  }

  public long getSucceeded() {
    return succeeded;
  }

  public void setSucceeded(long succeeded) {
    this.succeeded = succeeded;
  }

  public long getFailed() {
    return failed;
  }

  public void setFailed(long failed) {
    this.failed = failed;
  }

  public Double getWallSeconds() {
    return wallSeconds;
  }

  public void setWallSeconds(Double wallSeconds) {
    this.wallSeconds = wallSeconds;
  }

  public DurationStats getDurationMs() {
    return durationMs;
  }

  public void setDurationMs(DurationStats durationMs) {
    this.durationMs = durationMs;
  }

  public List<ItemFailure> getFailures() {
    return failures;
  }

  public void setFailures(List<ItemFailure> failures) {
    this.failures = failures;
  }
}
