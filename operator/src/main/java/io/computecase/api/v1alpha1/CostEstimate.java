package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What a case will cost in AWS before it starts, at list prices. */
public class CostEstimate {
  @JsonPropertyDescription("Step Functions state transitions (parent and item executions).")
  private long stateTransitions;

  @JsonPropertyDescription("EventBridge events put (one per item, one summary).")
  private long events;

  @JsonPropertyDescription("SQS requests (send, batched receive and delete).")
  private long sqsRequests;

  @JsonPropertyDescription(
      "S3 requests: staging the items (PUT), the Distributed Map reading them (GET), writing its"
          + " result files and manifest (PUT) and the operator reading them back (GET).")
  private long s3Requests;

  @JsonPropertyDescription("Total in US dollars at the list prices named in basis.")
  private String costUsd;

  private String basis;

  public long getStateTransitions() {
    return stateTransitions;
  }

  public void setStateTransitions(long stateTransitions) {
    this.stateTransitions = stateTransitions;
  }

  public long getEvents() {
    return events;
  }

  public void setEvents(long events) {
    this.events = events;
  }

  public long getSqsRequests() {
    return sqsRequests;
  }

  public void setSqsRequests(long sqsRequests) {
    this.sqsRequests = sqsRequests;
  }

  public long getS3Requests() {
    return s3Requests;
  }

  public void setS3Requests(long s3Requests) {
    this.s3Requests = s3Requests;
  }

  public String getCostUsd() {
    return costUsd;
  }

  public void setCostUsd(String costUsd) {
    this.costUsd = costUsd;
  }

  public String getBasis() {
    return basis;
  }

  public void setBasis(String basis) {
    this.basis = basis;
  }
}
