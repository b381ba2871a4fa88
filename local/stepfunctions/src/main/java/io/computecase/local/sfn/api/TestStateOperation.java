package io.computecase.local.sfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.PayloadLimits;
import io.computecase.local.sfn.execution.teststate.InspectionData;
import io.computecase.local.sfn.execution.teststate.InspectionLevel;
import io.computecase.local.sfn.execution.teststate.StateMock;
import io.computecase.local.sfn.execution.teststate.StateTest;
import io.computecase.local.sfn.execution.teststate.StateTestResult;
import io.computecase.local.sfn.machines.StateTests;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TestState: reads the request's members as AWS's TestStateInput shape has them, refuses a bad one
 * with AWS's error codes, has {@link StateTests} run the state once, and answers in the
 * TestStateOutput shape (JSON payloads as strings).
 */
final class TestStateOperation {
  private static final List<String> LEVELS = List.of("INFO", "DEBUG", "TRACE");
  private static final List<String> VALIDATION_MODES = List.of("STRICT", "PRESENT", "NONE");

  private final StateTests tests;

  TestStateOperation(StateTests tests) {
    this.tests = tests;
  }

  JsonNode test(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String definition = fields.requiredString("definition");
    String roleArn = fields.optionalString("roleArn").orElse(null);
    String inputText = fields.optionalString("input").orElse("{}");
    String level = fields.optionalString("inspectionLevel").orElse("INFO");
    fields.optionalBoolean("revealSecrets");
    Optional<String> variablesText = fields.optionalString("variables");
    Optional<String> stateName = fields.optionalString("stateName");
    Optional<RequestFields> mockFields = fields.optionalStructure("mock");
    Optional<String> contextText = fields.optionalString("context");
    Optional<RequestFields> configuration = fields.optionalStructure("stateConfiguration");

    enumValue("inspectionLevel", level, LEVELS);
    length("definition", definition, 1, 1_048_576);
    if (roleArn != null) {
      length("roleArn", roleArn, 1, 256);
    }
    stateName.ifPresent(name -> length("stateName", name, 1, 80));
    StateMock mock = mockFields.map(TestStateOperation::mock).orElse(null);
    int retriesSoFar = configuration.map(TestStateOperation::retriesSoFar).orElse(0);
    if (contextText.isPresent() && mock == null) {
      throw AwsServiceException.validation(
          "The context may only be specified when a mock is specified in the same request.");
    }
    if (roleArn == null && mock == null) {
      throw AwsServiceException.validation(
          "The roleArn is required unless a mock is specified: the state calls its resources with"
              + " that role.");
    }
    if (roleArn != null) {
      checkRoleArn(roleArn);
    }

    JsonNode input = ExecutionOperations.parseInput(inputText);
    Map<String, JsonNode> variables =
        variablesText
            .map(text -> object("variables", text))
            .map(TestStateOperation::entries)
            .orElse(Map.of());
    ObjectNode context = contextText.map(text -> object("context", text)).orElse(null);

    StateTestResult result =
        tests.test(
            new StateTest(
                definition,
                stateName.orElse(null),
                input,
                variables,
                InspectionLevel.valueOf(level),
                roleArn,
                mock,
                context,
                retriesSoFar));
    return response(result);
  }

  private static ObjectNode response(StateTestResult result) {
    ObjectNode response = ApiShapes.object();
    if (result.output() != null) {
      response.put("output", result.output().toString());
    }
    if (result.error() != null) {
      response.put("error", result.error());
    }
    if (result.cause() != null) {
      response.put("cause", result.cause());
    }
    InspectionData data = result.inspection();
    if (data != null) {
      ObjectNode inspection = response.putObject("inspectionData");
      text(inspection, "input", data.input());
      text(inspection, "afterArguments", data.afterArguments());
      text(inspection, "afterInputPath", data.afterInputPath());
      text(inspection, "afterParameters", data.afterParameters());
      text(inspection, "result", data.result());
      text(inspection, "afterResultSelector", data.afterResultSelector());
      text(inspection, "afterResultPath", data.afterResultPath());
      text(inspection, "variables", data.variables());
      InspectionData.ErrorDetails details = data.errorDetails();
      if (details != null) {
        ObjectNode node = inspection.putObject("errorDetails");
        if (details.catchIndex() != null) {
          node.put("catchIndex", details.catchIndex());
        }
        if (details.retryIndex() != null) {
          node.put("retryIndex", details.retryIndex());
        }
        if (details.retryBackoffSeconds() != null) {
          node.put("retryBackoffIntervalSeconds", details.retryBackoffSeconds());
        }
      }
    }
    if (result.nextState() != null) {
      response.put("nextState", result.nextState());
    }
    response.put("status", result.status().name());
    return response;
  }

  private static void text(ObjectNode node, String member, JsonNode value) {
    if (value != null) {
      node.put(member, value.toString());
    }
  }

  /** mock: a result or an errorOutput (with its error), never both. */
  private static StateMock mock(RequestFields members) {
    Optional<String> result = members.optionalString("result");
    Optional<RequestFields> errorOutput = members.optionalStructure("errorOutput");
    members
        .optionalString("fieldValidationMode")
        .ifPresent(mode -> enumValue("mock.fieldValidationMode", mode, VALIDATION_MODES));
    if (result.isPresent() == errorOutput.isPresent()) {
      throw AwsServiceException.validation(
          "A mock must specify exactly one of 'result' and 'errorOutput'.");
    }
    if (result.isPresent()) {
      String text = result.get();
      if (text.getBytes(StandardCharsets.UTF_8).length > PayloadLimits.MAX_BYTES) {
        throw AwsServiceException.validation(
            "1 validation error detected: Value at 'mock.result' failed to satisfy constraint:"
                + " Member must have length less than or equal to "
                + PayloadLimits.MAX_BYTES);
      }
      try {
        JsonNode value = AwsJson.MAPPER.readTree(text);
        if (value == null || value.isMissingNode()) {
          throw AwsServiceException.validation("The mock result must be a JSON value.");
        }
        return StateMock.result(value);
      } catch (JsonProcessingException e) {
        throw AwsServiceException.validation(
            "The mock result is not valid JSON: " + e.getOriginalMessage());
      }
    }
    RequestFields error = errorOutput.get();
    String name = error.optionalString("error").orElse(null);
    String cause = error.optionalString("cause").orElse(null);
    if (name == null) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value null at 'mock.errorOutput.error' failed to satisfy"
              + " constraint: Member must not be null");
    }
    length("mock.errorOutput.error", name, 0, 256);
    if (cause != null) {
      length("mock.errorOutput.cause", cause, 0, 32_768);
    }
    return StateMock.failure(name, cause);
  }

  /**
   * stateConfiguration: retrierRetryCount is used; the Map and Parallel members are read and
   * checked, and otherwise ignored.
   */
  private static int retriesSoFar(RequestFields configuration) {
    configuration.optionalString("errorCausedByState");
    configuration.optionalString("mapItemReaderData");
    configuration
        .optionalInt("mapIterationFailureCount")
        .ifPresent(count -> atLeastZero("stateConfiguration.mapIterationFailureCount", count));
    int retries = configuration.optionalInt("retrierRetryCount").orElse(0);
    atLeastZero("stateConfiguration.retrierRetryCount", retries);
    return retries;
  }

  /** The member's JSON text, which must be an object; anything else is InvalidExecutionInput. */
  private static ObjectNode object(String member, String text) {
    try {
      JsonNode value = AwsJson.MAPPER.readTree(text);
      if (value instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw new EngineException(
          EngineError.INVALID_EXECUTION_INPUT,
          "Invalid " + member + ": '" + e.getOriginalMessage() + "'");
    }
    throw new EngineException(
        EngineError.INVALID_EXECUTION_INPUT, "Invalid " + member + ": 'must be a JSON object'");
  }

  private static Map<String, JsonNode> entries(ObjectNode object) {
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      entries.put(entry.getKey(), entry.getValue());
    }
    return entries;
  }

  /** An IAM role ARN, {@code arn:<partition>:iam::<account>:role/<name>}. */
  private static void checkRoleArn(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6
        || !parts[0].equals("arn")
        || parts[1].isEmpty()
        || !parts[2].equals("iam")
        || !parts[5].startsWith("role/")
        || parts[5].length() <= "role/".length()) {
      throw new EngineException(EngineError.INVALID_ARN, "Invalid Arn: '" + arn + "'");
    }
  }

  private static void enumValue(String member, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must satisfy enum value set: "
              + allowed);
    }
  }

  private static void length(String member, String value, int min, int max) {
    if (value.length() < min) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value at '"
              + member
              + "' failed to satisfy constraint: Member must have length greater than or equal to "
              + min);
    }
    if (value.length() > max) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value at '"
              + member
              + "' failed to satisfy constraint: Member must have length less than or equal to "
              + max);
    }
  }

  private static void atLeastZero(String member, int value) {
    if (value < 0) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must have value greater than or equal to"
              + " 0");
    }
  }
}
