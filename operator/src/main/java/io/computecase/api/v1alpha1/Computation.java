package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;

/** The computation a worker runs for each item: its kind and that kind's settings. */
public class Computation {
  @JsonPropertyDescription("simulate (wait parameters.computeMs), cpu or exec.")
  @Default("simulate")
  private String kind = "simulate";

  @JsonPropertyDescription("Settings of the computation kind, handed to the worker.")
  @PreserveUnknownFields
  private JsonNode settings;

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public JsonNode getSettings() {
    return settings;
  }

  public void setSettings(JsonNode settings) {
    this.settings = settings;
  }
}
