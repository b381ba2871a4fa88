package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Where items are read from when they are too many to write into the spec. */
public class ItemsFrom {
  @JsonPropertyDescription("A key of a ConfigMap in the case's namespace.")
  @Required
  private ConfigMapKeyRef configMapKeyRef;

  public ConfigMapKeyRef getConfigMapKeyRef() {
    return configMapKeyRef;
  }

  public void setConfigMapKeyRef(ConfigMapKeyRef configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }
}
