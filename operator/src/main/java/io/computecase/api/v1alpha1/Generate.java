package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Generated items: {"caseId": "0"} up to {"caseId": "count-1"}, as the sample datasets hold. */
public class Generate {
  /**
   * The most items that fit: generated items travel in the execution input, which Step Functions
   * caps at 256 KiB ({"caseId": "13999"} and the rest of the input fit; 14,300 would not).
   */
  public static final int MAX_COUNT = 14_000;

  @JsonPropertyDescription(
      "How many items to generate, 1 to 14000 (the items travel in the execution input, which"
          + " Step Functions caps at 256 KiB).")
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
