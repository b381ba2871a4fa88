package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Generated items: {"caseId": "0"} up to {"caseId": "count-1"}, as the sample datasets hold. */
public class Generate {
  /**
   * The most items a case generates: they are staged in S3 as JSON Lines (about 20 MB for a
   * million), which the Distributed Map reads; the execution input only says where.
   */
  public static final int MAX_COUNT = 1_000_000;

  @JsonPropertyDescription(
      "How many items to generate, 1 to 1000000; the operator stages them in S3 as JSON Lines"
          + " before the execution starts.")
  @Required
  @Min(1)
  @Max(MAX_COUNT)
  private Integer count;

  public Generate() {}

  public Generate(Integer count) {
    this.count = count;
  }

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }
}
