package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The parsed form of an intrinsic invocation: calls whose arguments are literals, paths or calls.
 */
sealed interface IntrinsicExpression {

  /** Produces the argument's value in {@code scope}. */
  JsonNode evaluate(QueryScope scope);

  /**
   * A literal string, number, boolean or null. A string literal also keeps its text split at
   * unescaped "{}", since only those are States.Format placeholders ("\\{\\}" is not).
   */
  record Literal(JsonNode value, List<String> formatSegments) implements IntrinsicExpression {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      return value;
    }
  }

  /** A Path argument ($..., $$..., $variable...). */
  record PathArgument(String path) implements IntrinsicExpression {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      return JsonPaths.select(path, scope);
    }
  }

  /** A call of a States.* function, resolved to its implementation at parse time. */
  record Call(String name, IntrinsicFunction function, List<IntrinsicExpression> arguments)
      implements IntrinsicExpression {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      JsonNode[] values = new JsonNode[arguments.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = arguments.get(i).evaluate(scope);
      }
      List<String> segments =
          !arguments.isEmpty() && arguments.get(0) instanceof Literal literal
              ? literal.formatSegments()
              : null;
      return function.apply(new IntrinsicArguments(name, values, segments));
    }
  }
}
