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
