package io.computecase.local.sfn.query;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Jsonata.JFunctionCallable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JSONata functions Step Functions adds to the standard library: $partition, $range, $hash,
 * $random, $uuid and $parse; $eval is not available, as on AWS (use $parse).
 */
final class StatesJsonataFunctions {
  private StatesJsonataFunctions() {}

  static void registerOn(com.dashjoin.jsonata.Jsonata program) {
    program.registerFunction("partition", function("$partition", ArrayIntrinsics::partition));
    program.registerFunction("range", function("$range", ArrayIntrinsics::range));
    program.registerFunction("hash", new JFunction(StatesJsonataFunctions::hash, null));
    program.registerFunction("random", new JFunction(StatesJsonataFunctions::random, null));
    program.registerFunction("uuid", function("$uuid", StringIntrinsics::uuid));
    program.registerFunction("parse", function("$parse", JsonIntrinsics::stringToJson));
    // AWS does not bind $eval at all, so calling it is calling a non-function.
    program.registerFunction(
        "eval",
        new JFunction(
            (input, args) -> {
              throw new JException("T1006", 0);
            },
            null));
  }

  private static JFunction function(String name, IntrinsicFunction implementation) {
    JFunctionCallable callable =
        (input, args) -> JsonataValues.toJava(implementation.apply(arguments(name, args)));
    return new JFunction(callable, null);
  }

  private static IntrinsicArguments arguments(String name, List<?> args) {
    JsonNode[] values = new JsonNode[args == null ? 0 : args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = JsonataValues.toNode(args.get(i));
    }
    return new IntrinsicArguments(name, values, null);
  }

  /** $hash(content[, algorithm]): the algorithm defaults to SHA-256. */
  private static Object hash(Object input, List<?> args) {
    IntrinsicArguments given = arguments("$hash", args);
    JsonNode[] values =
        given.size() == 1
            ? new JsonNode[] {given.get(0), new TextNode("SHA-256")}
            : args.stream().map(JsonataValues::toNode).toArray(JsonNode[]::new);
    return JsonataValues.toJava(
        EncodingIntrinsics.hash(new IntrinsicArguments("$hash", values, null)));
  }

  /** $random([seed]): a number from 0 (inclusive) to 1 (exclusive), repeatable with a seed. */
  private static Object random(Object input, List<?> args) {
    if (args == null || args.isEmpty()) {
      return ThreadLocalRandom.current().nextDouble();
    }
    IntrinsicArguments given = arguments("$random", args);
    given.expectCount(1);
    return new Random(given.integer(0)).nextDouble();
  }
}
