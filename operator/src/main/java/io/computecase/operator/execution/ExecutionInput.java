package io.computecase.operator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ItemRetry;
import io.computecase.operator.validation.SpecProblemException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The state machine's input for one case, as asl/ expects: {request: {...}, items: {bucket, key},
 * results: {bucket, prefix}}. The items themselves are in S3, read by the Distributed Map's
 * ItemReader, so the input stays small whatever their number.
 */
public final class ExecutionInput {
  /** Step Functions' limit on an execution's input, in bytes of UTF-8. */
  public static final int MAX_INPUT_BYTES = 256 * 1024;

  private ExecutionInput() {}

  /** Where the Map reads the items and writes its results. */
  public record Locations(
      String itemsBucket, String itemsKey, String resultsBucket, String resultsPrefix) {}

  /**
   * The input JSON; one too large for Step Functions (large spec.parameters) is a spec problem
   * naming the fix.
   *
   * @param itemCount the number of items when known before the start (an S3 object's as the
   *     preflight counted them)
   * @param route the route key the case's item events carry, which only its target's rule matches
   */
  public static String build(
      ComputeCase computeCase,
      Locations where,
      OptionalLong itemCount,
      String busName,
      String route,
      String traceparent) {
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
    itemCount.ifPresent(count -> request.put("itemCount", count));
    FailureTolerance tolerance = FailureTolerance.of(spec, itemCount);
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
    ObjectNode items = input.putObject("items");
    items.put("bucket", where.itemsBucket());
    items.put("key", where.itemsKey());
    ObjectNode results = input.putObject("results");
    results.put("bucket", where.resultsBucket());
    results.put("prefix", where.resultsPrefix());
    String json = input.toString();
    int bytes = json.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_INPUT_BYTES) {
      throw new SpecProblemException(
          "InputTooLarge",
          "The execution input would be "
              + bytes
              + " bytes, over Step Functions' limit of "
              + MAX_INPUT_BYTES
              + " bytes (256 KiB): make spec.parameters smaller (put large data in the items, or"
              + " in S3 and pass its key).");
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
