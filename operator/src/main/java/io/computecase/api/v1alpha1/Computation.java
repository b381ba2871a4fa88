package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.List;

/** The computation a worker runs for each item: its kind and that kind's settings. */
public class Computation {
  @JsonPropertyDescription("simulate (wait parameters.computeMs), cpu or exec.")
  @Default("simulate")
  private String kind = "simulate";

  @JsonPropertyDescription("Settings of the computation kind, handed to the worker.")
  @PreserveUnknownFields
  private JsonNode settings;

  @JsonPropertyDescription(
      "exec: the longest run a case may ask for with parameters.execTimeoutSeconds, in seconds"
          + " (1 to 86400). Unset: 3600.")
  @Min(1)
  @Max(86400)
  private Integer execMaxTimeoutSeconds;

  @JsonPropertyDescription(
      "exec: hand the worker's AWS credentials and region (AWS_*) to the program. Unset or false:"
          + " the program gets no AWS credentials.")
  private Boolean execAwsCredentials;

  @JsonPropertyDescription(
      "exec: names of further variables of the worker's environment the program sees, besides"
          + " PATH, HOME, LANG, LC_ALL, TZ and TMPDIR.")
  private List<String> execEnvironment;

  public Integer getExecMaxTimeoutSeconds() {
    return execMaxTimeoutSeconds;
  }

  public void setExecMaxTimeoutSeconds(Integer execMaxTimeoutSeconds) {
    this.execMaxTimeoutSeconds = execMaxTimeoutSeconds;
  }

  public Boolean getExecAwsCredentials() {
    return execAwsCredentials;
  }

  public void setExecAwsCredentials(Boolean execAwsCredentials) {
    this.execAwsCredentials = execAwsCredentials;
  }

  public List<String> getExecEnvironment() {
    return execEnvironment;
  }

  public void setExecEnvironment(List<String> execEnvironment) {
    this.execEnvironment = execEnvironment;
  }

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
