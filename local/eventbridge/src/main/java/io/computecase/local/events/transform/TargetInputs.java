package io.computecase.local.events.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.model.TargetInput;
import io.computecase.local.protocol.AwsJson;
import java.util.Map;

/** Chooses and compiles a target's input from its Input, InputPath or InputTransformer. */
public final class TargetInputs {
  private TargetInputs() {}

  /**
   * @param pathsMap and {@code template} are the InputTransformer, or null when it is absent
   */
  public static TargetInput compile(
      String targetId,
      String input,
      String inputPath,
      Map<String, String> pathsMap,
      String template) {
    int given = (input != null ? 1 : 0) + (inputPath != null ? 1 : 0) + (template != null ? 1 : 0);
    if (given > 1) {
      throw EventsException.invalid(
          "Target "
              + targetId
              + " sets more than one of Input, InputPath and InputTransformer; keep only one.");
    }
    if (input != null) {
      try {
        AwsJson.MAPPER.readTree(input);
      } catch (JsonProcessingException e) {
        throw EventsException.invalid(
            "Parameter Input of target "
                + targetId
                + " is not valid JSON: "
                + e.getOriginalMessage());
      }
      return (event, ruleName, ruleArn) -> input;
    }
    if (inputPath != null) {
      JsonPathExpression path = JsonPathExpression.parse(inputPath, "InputPath");
      return (event, ruleName, ruleArn) -> {
        JsonNode selected = path.select(event.envelope());
        return selected.isMissingNode() ? "null" : selected.toString();
      };
    }
    if (template != null) {
      return InputTemplate.compile(targetId, pathsMap == null ? Map.of() : pathsMap, template);
    }
    return TargetInput.WHOLE_EVENT;
  }
}
