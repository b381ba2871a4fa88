package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Generated items: {"caseId": "0"} up to {"caseId": "count-1"}, as the sample datasets hold. */
public class Generate {
  @JsonPropertyDescription("How many items to generate.")
  @Required
  @Min(1)
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
