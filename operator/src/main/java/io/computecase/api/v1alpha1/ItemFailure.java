package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One failed item: its position, its caseId when it has one, and the error with its cause. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ItemFailure {
  private Long index;
  private String caseId;
  private String error;
  private String cause;

  public ItemFailure() {}

  public ItemFailure(Long index, String caseId, String error, String cause) {
    this.index = index;
    this.caseId = caseId;
    this.error = error;
    this.cause = cause;
  }

  public Long getIndex() {
    return index;
  }

  public void setIndex(Long index) {
    this.index = index;
  }

  public String getCaseId() {
    return caseId;
  }

  public void setCaseId(String caseId) {
    this.caseId = caseId;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }

  public String getCause() {
    return cause;
  }

  public void setCause(String cause) {
    this.cause = cause;
  }
}
