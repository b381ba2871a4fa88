package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What exists for a compute target in AWS and in the cluster, and how busy it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeTargetStatus {
  private Long observedGeneration;

  @JsonPropertyDescription("Ready when queues, rule and Deployment exist as the spec says.")
  private List<Condition> conditions = new ArrayList<>();

  private String message;
  private String queueUrl;
  private String deadLetterQueueUrl;
  private String ruleArn;
  private Integer readyReplicas;

  @JsonPropertyDescription("Messages waiting in the queue (approximate, from SQS).")
  private Long approximateQueueDepth;

  @JsonPropertyDescription("Messages received by workers and not yet deleted.")
  private Long inFlight;

  @JsonPropertyDescription("Running ComputeCases using this target (they block its deletion).")
  private List<String> usedBy;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getQueueUrl() {
    return queueUrl;
  }

  public void setQueueUrl(String queueUrl) {
    this.queueUrl = queueUrl;
  }

  public String getDeadLetterQueueUrl() {
    return deadLetterQueueUrl;
  }

  public void setDeadLetterQueueUrl(String deadLetterQueueUrl) {
    this.deadLetterQueueUrl = deadLetterQueueUrl;
  }

  public String getRuleArn() {
    return ruleArn;
  }

  public void setRuleArn(String ruleArn) {
    this.ruleArn = ruleArn;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public Long getApproximateQueueDepth() {
    return approximateQueueDepth;
  }

  public void setApproximateQueueDepth(Long approximateQueueDepth) {
    this.approximateQueueDepth = approximateQueueDepth;
  }

  public Long getInFlight() {
    return inFlight;
  }

  public void setInFlight(Long inFlight) {
    this.inFlight = inFlight;
  }

  public List<String> getUsedBy() {
    return usedBy;
  }

  public void setUsedBy(List<String> usedBy) {
    this.usedBy = usedBy;
  }
}
