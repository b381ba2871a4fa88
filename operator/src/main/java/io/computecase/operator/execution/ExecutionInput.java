package io.computecase.operator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ItemRetry;
import io.computecase.operator.validation.SpecProblemException;
import java.nio.charset.StandardCharsets;

/** The state machine's input for one case: {request: {...}, items: [...]}, as asl/ expects. */
public final class ExecutionInput {
  /** Step Functions' limit on an execution's input, in bytes of UTF-8. */
  public static final int MAX_INPUT_BYTES = 256 * 1024;

  private ExecutionInput() {}

  /**
   * The input JSON; one too large for Step Functions is a spec problem naming the fix.
   *
   * @param route the route key the case's item events carry, which only its target's rule matches
   */
  public static String build(
      ComputeCase computeCase, ArrayNode items, String busName, String route, String traceparent) {
    ComputeCaseSpec spec = computeCase.getSpec();
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    ObjectNode request = input.putObject("request");
    request.put("requestId", requestId(computeCase));
    request.put("target", spec.getTarget() == null ? "default" : spec.getTarget());
    request.put("route", route);
    JsonNode parameters = spec.getParameters();
    request.set(
        "parameters",
        parameters == null || parameters.isNull()
            ? JsonNodeFactory.instance.objectNode()
            : parameters);
    request.put("busName", busName);
    request.put("maxConcurrency", orDefault(spec.getMaxConcurrency(), 0));
    FailureTolerance tolerance = FailureTolerance.of(spec, items.size());
    request.put("toleratedFailurePercentage", tolerance.percentage());
    request.put("toleratedFailureCount", tolerance.count());
    request.put("itemTimeoutSeconds", orDefault(spec.getItemTimeoutSeconds(), 3600));
    // 0 = no heartbeat expected: the ASL then leaves the worker's event without heartbeatSeconds
    request.put("heartbeatSeconds", orDefault(spec.getHeartbeatSeconds(), 0));
    ItemRetry retry = spec.getRetry() == null ? new ItemRetry() : spec.getRetry();
    ObjectNode retryNode = request.putObject("retry");
    retryNode.put("maxAttempts", orDefault(retry.getMaxAttempts(), 1));
    retryNode.put("intervalSeconds", orDefault(retry.getIntervalSeconds(), 1));
    retryNode.put("backoffRate", retry.getBackoffRate() == null ? 2.0 : retry.getBackoffRate());
    request.put("traceparent", traceparent == null ? "" : traceparent);
    input.set("items", items);
    String json = input.toString();
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_INPUT_BYTES) {
      long perItem = Math.max(1, (bytes - 512) / Math.max(1, items.size()));
      long fits = Math.max(1, (MAX_INPUT_BYTES - 1024) / perItem);
      throw new SpecProblemException(
          "InputTooLarge",
          "The execution input would be "
              + bytes
              + " bytes, over Step Functions' limit of "
              + MAX_INPUT_BYTES
              + " bytes (256 KiB):"
              + " split the "
              + items.size()
              + " items into ComputeCases of at most about "
              + fits
              + " items each, or make the items smaller.");
    }
    return json;
  }

  public static String requestId(ComputeCase computeCase) {
    String requestId = computeCase.getSpec().getRequestId();
    return requestId == null || requestId.isBlank()
        ? computeCase.getMetadata().getName()
        : requestId;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
