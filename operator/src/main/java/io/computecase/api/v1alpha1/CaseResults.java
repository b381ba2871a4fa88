package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Where the Distributed Map writes a case's results: one file per status (SUCCEEDED_n.json,
 * FAILED_n.json, PENDING_n.json) under the prefix, listed by the manifest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CaseResults {
  @JsonPropertyDescription("The results bucket (the operator's COMPUTECASE_S3_BUCKET).")
  private String bucket;

  @JsonPropertyDescription(
      "The key prefix of this case's results: results/<namespace>/<name>/<uid>; Step Functions"
          + " writes under <prefix>/<Map Run id>/.")
  private String prefix;

  @JsonPropertyDescription(
      "The key of the Map Run's manifest.json, once the Map Run has written its results.")
  private String manifestKey;

  public CaseResults() {}

  public CaseResults(String bucket, String prefix, String manifestKey) {
    this.bucket = bucket;
    this.prefix = prefix;
    this.manifestKey = manifestKey;
  }

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public String getManifestKey() {
    return manifestKey;
  }

  public void setManifestKey(String manifestKey) {
    this.manifestKey = manifestKey;
  }
}
