package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed of a case: phase, conditions, execution identity, progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeCaseStatus {
  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Pending, Running, Succeeded, Failed or Stopped.")
  private String phase;

  @JsonPropertyDescription("Accepted, Running, Complete and Failed, by the Kubernetes conventions.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("What happened last, and what to do when something is wrong.")
  private String message;

  @JsonPropertyDescription("The Step Functions execution running this case.")
  private String executionArn;

  @JsonPropertyDescription("The Distributed Map Run computing the items.")
  private String mapRunArn;

  @JsonPropertyDescription("When the execution started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the execution ended (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription(
      "Digest of the spec fields fixed at start; a later change to them is refused.")
  private String specFingerprint;

  @JsonPropertyDescription("Preflight estimate of AWS usage and cost, made before the start.")
  private CostEstimate estimate;

  @JsonPropertyDescription(
      "The computecase.io/redrive annotation value last acted on (re-runs failed items).")
  private String redriveRequest;

  @JsonPropertyDescription("Earlier finished runs of this case, before each redrive (the last 10).")
  private List<Attempt> attempts;

  @JsonPropertyDescription(
      "Where the items' results are written in S3 (kept when the case is deleted; expire them"
          + " with a lifecycle rule on results/).")
  private CaseResults results;

  private Progress progress;

  private Summary summary;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
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

  public String getExecutionArn() {
    return executionArn;
  }

  public void setExecutionArn(String executionArn) {
    this.executionArn = executionArn;
  }

  public String getMapRunArn() {
    return mapRunArn;
  }

  public void setMapRunArn(String mapRunArn) {
    this.mapRunArn = mapRunArn;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getSpecFingerprint() {
    return specFingerprint;
  }

  public void setSpecFingerprint(String specFingerprint) {
    this.specFingerprint = specFingerprint;
  }

  public CostEstimate getEstimate() {
    return estimate;
  }

  public void setEstimate(CostEstimate estimate) {
    this.estimate = estimate;
  }

  public String getRedriveRequest() {
    return redriveRequest;
  }

  public void setRedriveRequest(String redriveRequest) {
    this.redriveRequest = redriveRequest;
  }

  public List<Attempt> getAttempts() {
    return attempts;
  }

  public void setAttempts(List<Attempt> attempts) {
    this.attempts = attempts;
  }

  public CaseResults getResults() {
    return results;
  }

  public void setResults(CaseResults results) {
    this.results = results;
  }

  public Progress getProgress() {
    return progress;
  }

  public void setProgress(Progress progress) {
    this.progress = progress;
  }

  public Summary getSummary() {
    return summary;
  }

  public void setSummary(Summary summary) {
    this.summary = summary;
  }
}
