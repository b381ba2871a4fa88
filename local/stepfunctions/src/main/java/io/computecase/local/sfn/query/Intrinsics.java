package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ASL intrinsic functions (States.Format, States.Array, ...), parsed once and evaluated often.
 */
public final class Intrinsics {
  private static final int MAX_CACHED = 10_000;
  private static final ConcurrentHashMap<String, IntrinsicExpression.Call> CACHE =
      new ConcurrentHashMap<>();

  private Intrinsics() {}

  /** True when {@code s} is written as an intrinsic invocation rather than a Path. */
  public static boolean isIntrinsic(String s) {
    return s != null && s.startsWith("States.") && s.indexOf('(') > 0;
  }

  /**
   * Evaluates an invocation; argument problems fail with States.IntrinsicFailure and a cause that
   * names the function and the argument.
   */
  public static JsonNode evaluate(String expression, QueryScope scope) {
    IntrinsicExpression.Call call;
    try {
      call = parsed(expression);
    } catch (IllegalArgumentException e) {
      throw new QueryException(QueryException.INTRINSIC_FAILURE, e.getMessage());
    }
    return call.evaluate(scope);
  }

  /** Why {@code expression} is not a valid invocation, or empty when it is. */
  public static Optional<String> validate(String expression) {
    try {
      parsed(expression);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static IntrinsicExpression.Call parsed(String expression) {
    IntrinsicExpression.Call call = CACHE.get(expression);
    if (call == null) {
      call = IntrinsicParser.parse(expression);
      if (CACHE.size() >= MAX_CACHED) {
        CACHE.clear();
      }
      CACHE.put(expression, call);
    }
    return call;
  }
}
