package io.computecase.local.sfn.query;

/**
 * A runtime failure while evaluating a path, template, intrinsic or expression; carries the ASL
 * error name (e.g. States.Runtime, States.IntrinsicFailure, States.QueryEvaluationError) and the
 * cause worded as AWS words it. The engine prefixes the cause with the state it ran in.
 */
public class QueryException extends RuntimeException {
  public static final String RUNTIME = "States.Runtime";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

  private final String error;
  private final String cause;

  public QueryException(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.cause = cause;
  }

  /** The ASL error name, matched by Retry and Catch ErrorEquals. */
  public String error() {
    return error;
  }

  /** The human explanation, as AWS words it. */
  public String cause() {
    return cause;
  }
}
