package io.computecase.local.sfn.query;

/**
 * The two query languages a state machine or a single state may choose with {@code QueryLanguage}.
 */
public enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String aslName;

  QueryLanguage(String aslName) {
    this.aslName = aslName;
  }

  /** The spelling used in ASL definitions ("JSONPath" or "JSONata"). */
  public String aslName() {
    return aslName;
  }

  /** Reads the ASL spelling; a definition with another value is rejected with AWS's wording. */
  public static QueryLanguage fromAsl(String value) {
    for (QueryLanguage language : values()) {
      if (language.aslName.equals(value)) {
        return language;
      }
    }
    throw new IllegalArgumentException(
        "SCHEMA_VALIDATION_FAILED: Field 'QueryLanguage' must be one of [JSONPath, JSONata], got '"
            + value
            + "'");
  }
}
