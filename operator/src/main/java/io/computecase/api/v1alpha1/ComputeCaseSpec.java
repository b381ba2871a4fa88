package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** What to compute: the items (inline, generated or from a ConfigMap), where, and how. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeCaseSpec {
  @JsonPropertyDescription(
      "Identifier of the request, carried in every item's event; defaults to metadata.name.")
  @Size(max = 80)
  private String requestId;

  @JsonPropertyDescription(
      "The items, one JSON object each (e.g. {\"caseId\": \"0\"}). Give exactly one of items,"
          + " generate or itemsFrom.")
  private List<JsonNode> items;

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

  @JsonPropertyDescription("Seconds an item may wait for its worker before it fails States.Timeout.")
  @Min(1)
  @Max(99999999)
  @Default("3600")
  private Integer itemTimeoutSeconds = 3600;

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

  public List<JsonNode> getItems() {
    return items;
  }

  public void setItems(List<JsonNode> items) {
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
