package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Replica bounds and the queue depth (in flight included) one replica should carry. */
public class Autoscaling {
  @Min(0)
  private Integer minReplicas = 0;

  @Min(1)
  private Integer maxReplicas = 10;

  @JsonPropertyDescription("Messages (visible and in flight) per replica.")
  @Min(1)
  private Integer messagesPerReplica = 100;

  public Integer getMinReplicas() {
    return minReplicas;
  }

  public void setMinReplicas(Integer minReplicas) {
    this.minReplicas = minReplicas;
  }

  public Integer getMaxReplicas() {
    return maxReplicas;
  }

  public void setMaxReplicas(Integer maxReplicas) {
    this.maxReplicas = maxReplicas;
  }

  public Integer getMessagesPerReplica() {
    return messagesPerReplica;
  }

  public void setMessagesPerReplica(Integer messagesPerReplica) {
    this.messagesPerReplica = messagesPerReplica;
  }
}
