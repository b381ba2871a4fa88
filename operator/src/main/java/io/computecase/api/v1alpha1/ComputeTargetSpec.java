package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** How a compute target's workers run and which item events reach them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeTargetSpec {
  @JsonPropertyDescription("The worker container image.")
  @Required
  private String image;

  @JsonPropertyDescription("What the workers compute for each item.")
  private Computation computation = new Computation();

  @JsonPropertyDescription("Worker replicas when no autoscaling is given or KEDA is absent.")
  @Min(0)
  @Default("1")
  private Integer replicas = 1;

  @JsonPropertyDescription("Scale on queue depth with KEDA, when its CRDs are installed.")
  private Autoscaling autoscaling;

  @JsonPropertyDescription("Items each replica computes at once.")
  @Min(1)
  @Max(10000)
  @Default("10")
  private Integer concurrency = 10;

  @JsonPropertyDescription("SQS visibility timeout of the queue, in seconds.")
  @Min(0)
  @Max(43200)
  @Default("60")
  private Integer visibilityTimeoutSeconds = 60;

  @JsonPropertyDescription("Receives of a message before it moves to the dead-letter queue.")
  @Min(1)
  @Max(1000)
  @Default("5")
  private Integer maxReceiveCount = 5;

  @JsonPropertyDescription(
      "Case targets whose items this pool takes; defaults to [metadata.name]. With an"
          + " itemPattern, several pools can share one case target and split its items.")
  private List<String> routeFrom;

  @JsonPropertyDescription(
      "Extra EventBridge pattern over the item's content, e.g. {\"size\": [\"large\"]}.")
  @PreserveUnknownFields
  private JsonNode itemPattern;

  @JsonPropertyDescription("Pod settings of the worker Deployment.")
  private PodSettings pod;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Computation getComputation() {
    return computation;
  }

  public void setComputation(Computation computation) {
    this.computation = computation;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Autoscaling getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(Autoscaling autoscaling) {
    this.autoscaling = autoscaling;
  }

  public Integer getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(Integer concurrency) {
    this.concurrency = concurrency;
  }

  public Integer getVisibilityTimeoutSeconds() {
    return visibilityTimeoutSeconds;
  }

  public void setVisibilityTimeoutSeconds(Integer visibilityTimeoutSeconds) {
    this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
  }

  public Integer getMaxReceiveCount() {
    return maxReceiveCount;
  }

  public void setMaxReceiveCount(Integer maxReceiveCount) {
    this.maxReceiveCount = maxReceiveCount;
  }

  public List<String> getRouteFrom() {
    return routeFrom;
  }

  public void setRouteFrom(List<String> routeFrom) {
    this.routeFrom = routeFrom;
  }

  public JsonNode getItemPattern() {
    return itemPattern;
  }

  public void setItemPattern(JsonNode itemPattern) {
    this.itemPattern = itemPattern;
  }

  public PodSettings getPod() {
    return pod;
  }

  public void setPod(PodSettings pod) {
    this.pod = pod;
  }
}
