package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What to compute: the items (inline, generated or from a ConfigMap), where, and how. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = ComputeCaseSpec.ONE_ITEM_SOURCE,
    message = "give exactly one of spec.items, spec.generate or spec.itemsFrom",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = ComputeCaseSpec.IMMUTABLE,
    message =
        "only spec.maxConcurrency and spec.ttlSecondsAfterFinished change after creation;"
            + " delete and recreate the ComputeCase to change anything else",
    reason = "FieldValueForbidden")
@ValidationRule(
    value = ComputeCaseSpec.HEARTBEAT_WITHIN_TIMEOUT,
    message =
        "spec.heartbeatSeconds must be smaller than spec.itemTimeoutSeconds: lower it, or raise"
            + " the timeout",
    reason = "FieldValueInvalid")
public class ComputeCaseSpec {
  static final String HEARTBEAT_WITHIN_TIMEOUT =
      "!has(self.heartbeatSeconds) || !has(self.itemTimeoutSeconds) || self.heartbeatSeconds <"
          + " self.itemTimeoutSeconds";
  static final String ONE_ITEM_SOURCE =
      "(has(self.items) ? 1 : 0) + (has(self.generate) ? 1 : 0) + (has(self.itemsFrom) ? 1 : 0)"
          + " == 1";
  // items and parameters are left to the operator: comparing unbounded free JSON could exceed
  // the API server's CEL cost budget and get the whole CRD refused.
  static final String IMMUTABLE =
      "has(self.requestId) == has(oldSelf.requestId) && (!has(self.requestId) || self.requestId =="
          + " oldSelf.requestId) && has(self.generate) == has(oldSelf.generate) &&"
          + " (!has(self.generate) || self.generate == oldSelf.generate) && has(self.itemsFrom) =="
          + " has(oldSelf.itemsFrom) && (!has(self.itemsFrom) || self.itemsFrom =="
          + " oldSelf.itemsFrom) && has(self.target) == has(oldSelf.target) && (!has(self.target)"
          + " || self.target == oldSelf.target) && has(self.toleratedFailurePercentage) =="
          + " has(oldSelf.toleratedFailurePercentage) && (!has(self.toleratedFailurePercentage) ||"
          + " self.toleratedFailurePercentage == oldSelf.toleratedFailurePercentage) &&"
          + " has(self.itemTimeoutSeconds) == has(oldSelf.itemTimeoutSeconds) &&"
          + " (!has(self.itemTimeoutSeconds) || self.itemTimeoutSeconds =="
          + " oldSelf.itemTimeoutSeconds) && has(self.heartbeatSeconds) =="
          + " has(oldSelf.heartbeatSeconds) && (!has(self.heartbeatSeconds) ||"
          + " self.heartbeatSeconds == oldSelf.heartbeatSeconds) && has(self.retry) =="
          + " has(oldSelf.retry) && (!has(self.retry) || self.retry == oldSelf.retry) &&"
          + " has(self.toleratedFailureCount) == has(oldSelf.toleratedFailureCount) &&"
          + " (!has(self.toleratedFailureCount) || self.toleratedFailureCount =="
          + " oldSelf.toleratedFailureCount)";

  @JsonPropertyDescription(
      "Identifier of the request, carried in every item's event; defaults to metadata.name.")
  @Size(max = 80)
  private String requestId;

  @JsonPropertyDescription(
      "The items, one JSON object each (e.g. {\"caseId\": \"0\"}). Give exactly one of items,"
          + " generate or itemsFrom.")
  private List<ObjectNode> items;

  @JsonPropertyDescription("Generate items {\"caseId\": \"0\"} .. {\"caseId\": \"N-1\"}.")
  private Generate generate;

  @JsonPropertyDescription(
      "Read the items from a ConfigMap key holding a dataset ({\"requests\": [...]}) or a JSON"
          + " array.")
  private ItemsFrom itemsFrom;

  @JsonPropertyDescription("The compute target whose workers compute the items.")
  @Default("default")
  @Pattern("^[A-Za-z0-9_-]{1,60}$")
  private String target = "default";

  @JsonPropertyDescription("Items computed at once; 0 means unbounded.")
  @Min(0)
  @Default("0")
  private Integer maxConcurrency = 0;

  @JsonPropertyDescription(
      "Percentage of items that may fail while the case still succeeds (0 to 100).")
  @Min(0)
  @Max(100)
  @Default("0")
  private Double toleratedFailurePercentage = 0.0;

  @JsonPropertyDescription(
      "Number of items that may fail while the case still succeeds. With both this and"
          + " toleratedFailurePercentage (other than 0), the case fails when either is exceeded;"
          + " with this alone, only the count applies.")
  @Min(0)
  private Integer toleratedFailureCount;

  @JsonPropertyDescription(
      "Seconds an item attempt may wait for its worker before it fails States.Timeout.")
  @Min(1)
  @Max(99999999)
  @Default("3600")
  private Integer itemTimeoutSeconds = 3600;

  @JsonPropertyDescription(
      "Seconds a worker may stay silent on an item before it fails States.HeartbeatTimeout;"
          + " workers send heartbeats while they compute. Smaller than itemTimeoutSeconds. Unset:"
          + " no heartbeat is expected.")
  @Min(1)
  @Max(99999998)
  private Integer heartbeatSeconds;

  @JsonPropertyDescription(
      "Try a failed item again (a worker's failure or a missed heartbeat; never a timeout)."
          + " Unset: each item is tried once.")
  private ItemRetry retry;

  @JsonPropertyDescription(
      "Free JSON object handed to the worker with every item, e.g. {\"computeMs\": 5000}.")
  @PreserveUnknownFields
  private JsonNode parameters;

  @JsonPropertyDescription(
      "Seconds after the case finished before it is deleted, as Jobs have; unset keeps it.")
  @Min(0)
  private Integer ttlSecondsAfterFinished;

  public String getRequestId() {
    return requestId;
  }

  public void setRequestId(String requestId) {
    this.requestId = requestId;
  }

  public List<ObjectNode> getItems() {
    return items;
  }

  public void setItems(List<ObjectNode> items) {
    this.items = items;
  }

  public Generate getGenerate() {
    return generate;
  }

  public void setGenerate(Generate generate) {
    this.generate = generate;
  }

  public ItemsFrom getItemsFrom() {
    return itemsFrom;
  }

  public void setItemsFrom(ItemsFrom itemsFrom) {
    this.itemsFrom = itemsFrom;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public Integer getMaxConcurrency() {
    return maxConcurrency;
  }

  public void setMaxConcurrency(Integer maxConcurrency) {
    this.maxConcurrency = maxConcurrency;
  }

  public Double getToleratedFailurePercentage() {
    return toleratedFailurePercentage;
  }

  public void setToleratedFailurePercentage(Double toleratedFailurePercentage) {
    this.toleratedFailurePercentage = toleratedFailurePercentage;
  }

  public Integer getToleratedFailureCount() {
    return toleratedFailureCount;
  }

  public void setToleratedFailureCount(Integer toleratedFailureCount) {
    this.toleratedFailureCount = toleratedFailureCount;
  }

  public Integer getHeartbeatSeconds() {
    return heartbeatSeconds;
  }

  public void setHeartbeatSeconds(Integer heartbeatSeconds) {
    this.heartbeatSeconds = heartbeatSeconds;
  }

  public ItemRetry getRetry() {
    return retry;
  }

  public void setRetry(ItemRetry retry) {
    this.retry = retry;
  }

  public Integer getItemTimeoutSeconds() {
    return itemTimeoutSeconds;
  }

  public void setItemTimeoutSeconds(Integer itemTimeoutSeconds) {
    this.itemTimeoutSeconds = itemTimeoutSeconds;
  }

  public JsonNode getParameters() {
    return parameters;
  }

  public void setParameters(JsonNode parameters) {
    this.parameters = parameters;
  }

  public Integer getTtlSecondsAfterFinished() {
    return ttlSecondsAfterFinished;
  }

  public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
    this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
  }
}
