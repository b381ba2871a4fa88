package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Live item counters of a case, from its Map Run. */
public class Progress {
  private long total;
  private long succeeded;

  @JsonPropertyDescription("Items failed, timed out or aborted.")
  private long failed;

  @JsonPropertyDescription("Items dispatched and not yet answered.")
  private long inFlight;

  @JsonPropertyDescription("Finished out of total, e.g. 97/100 (the Done column).")
  private String done;

  public Progress() {}

  public Progress(long total, long succeeded, long failed, long inFlight) {
    this.total = total;
    this.succeeded = succeeded;
    this.failed = failed;
    this.inFlight = inFlight;
    this.done = (succeeded + failed) + "/" + total;
  }

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

  public long getInFlight() {
    return inFlight;
  }

  public void setInFlight(long inFlight) {
    this.inFlight = inFlight;
  }

  public String getDone() {
    return done;
  }

  public void setDone(String done) {
    this.done = done;
  }
}
