package io.computecase.local.sfn.query;

/** A JSONata Choice rule: "Condition": "{% ... %}", which must evaluate to a boolean. */
record JsonataCondition(String expression, String field) implements ChoiceRule {

  @Override
  public boolean matches(QueryScope scope) {
    Object value = Jsonata.evaluateRaw(expression, scope, field);
    if (value instanceof Boolean bool) {
      return bool;
    }
    String sentence =
        "The JSONata expression '"
            + Jsonata.body(expression)
            + "' specified for the field '"
            + field
            + "'";
    if (value == JsonataProgram.UNDEFINED) {
      throw new QueryException(
          QueryException.QUERY_EVALUATION_ERROR, sentence + " returned nothing (undefined).");
    }
    throw new QueryException(
        QueryException.QUERY_EVALUATION_ERROR,
        sentence
            + " returned an unexpected data type. Expected a boolean but got "
            + JsonataValues.toNode(value)
            + ".");
  }
}
