package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Locale;

/** An S3 object holding a case's items, in one of the formats a Distributed Map reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class S3ItemsObject {
  /** The formats a Distributed Map's ItemReader reads from one object. */
  public enum Format {
    /** JSON Lines: one JSON object per line. */
    JSONL,
    /** One JSON array of objects. */
    JSON,
    /** Comma-separated values with a header row naming each item's fields. */
    CSV
  }

  @JsonPropertyDescription(
      "The bucket, in the operator's AWS account and Region (a Distributed Map reads only"
          + " those); the state machine's role must be allowed s3:GetObject on the object.")
  @Required
  @Pattern("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
  private String bucket;

  @JsonPropertyDescription("The object's key, e.g. datasets/2026-12/items.jsonl.")
  @Required
  @Size(min = 1, max = 1024)
  private String key;

  @JsonPropertyDescription(
      "JSONL (one object per line), JSON (an array of objects) or CSV (a header row, then one"
          + " item per row, every value a string). Unset: CSV for a key ending in .csv, JSON for"
          + " .json, otherwise JSONL.")
  private Format format;

  public S3ItemsObject() {}

  public S3ItemsObject(String bucket, String key, Format format) {
    this.bucket = bucket;
    this.key = key;
    this.format = format;
  }

  /** The format given, or the one the key's suffix suggests. */
  public Format effectiveFormat() {
    if (format != null) {
      return format;
    }
    String lower = key == null ? "" : key.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return Format.CSV;
    }
    if (lower.endsWith(".json")) {
      return Format.JSON;
    }
    return Format.JSONL;
  }

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public Format getFormat() {
    return format;
  }

  public void setFormat(Format format) {
    this.format = format;
  }
}
