package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Where items are read from when they are too many to write into the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = ItemsFrom.ONE_SOURCE,
    message =
        "give exactly one of spec.itemsFrom.configMapKeyRef or spec.itemsFrom.s3: keep the"
            + " ConfigMap for small lists, or point s3 at an object holding the items",
    reason = "FieldValueInvalid")
public class ItemsFrom {
  static final String ONE_SOURCE = "has(self.configMapKeyRef) != has(self.s3)";

  @JsonPropertyDescription(
      "A key of a ConfigMap in the case's namespace, holding a dataset ({\"requests\": [...]})"
          + " or a JSON array. Give exactly one of configMapKeyRef or s3.")
  private ConfigMapKeyRef configMapKeyRef;

  @JsonPropertyDescription(
      "An existing S3 object holding the items, read by the Distributed Map itself (never"
          + " copied): up to millions of items. Give exactly one of configMapKeyRef or s3.")
  private S3ItemsObject s3;

  public ItemsFrom() {}

  public ItemsFrom(ConfigMapKeyRef configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }

  public ItemsFrom(S3ItemsObject s3) {
    this.s3 = s3;
  }

  public ConfigMapKeyRef getConfigMapKeyRef() {
    return configMapKeyRef;
  }

  public void setConfigMapKeyRef(ConfigMapKeyRef configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }

  public S3ItemsObject getS3() {
    return s3;
  }

  public void setS3(S3ItemsObject s3) {
    this.s3 = s3;
  }
}
