package io.computecase.local.sfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.PayloadLimits;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import java.nio.charset.StandardCharsets;

/** SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: callbacks for waiting tasks. */
final class TaskOperations {
  private final StepFunctionsEngine engine;

  TaskOperations(StepFunctionsEngine engine) {
    this.engine = engine;
  }

  JsonNode success(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String token = fields.requiredString("taskToken");
    String outputText = fields.requiredString("output");
    if (outputText.getBytes(StandardCharsets.UTF_8).length > PayloadLimits.MAX_BYTES) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value at 'output' failed to satisfy constraint: Member must"
              + " have length less than or equal to "
              + PayloadLimits.MAX_BYTES);
    }
    JsonNode output;
    try {
      output = AwsJson.MAPPER.readTree(outputText);
    } catch (JsonProcessingException e) {
      throw new EngineException(
          EngineError.INVALID_OUTPUT, "Invalid Output: '" + e.getOriginalMessage() + "'");
    }
    if (output == null || output.isMissingNode()) {
      throw new EngineException(
          EngineError.INVALID_OUTPUT, "Invalid Output: 'The output is empty; give a JSON value'");
    }
    engine.succeedTask(token, output);
    return ApiShapes.object();
  }

  JsonNode failure(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String token = fields.requiredString("taskToken");
    engine.failTask(
        token,
        fields.optionalString("error").orElse(null),
        fields.optionalString("cause").orElse(null));
    return ApiShapes.object();
  }

  JsonNode heartbeat(JsonNode request) {
    engine.heartbeat(new RequestFields(request).requiredString("taskToken"));
    return ApiShapes.object();
  }
}
