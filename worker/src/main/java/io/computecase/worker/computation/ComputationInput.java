package io.computecase.worker.computation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One item to compute, as the case's event carried it.
 *
 * @param requestId the case's request id
 * @param target the compute target the item was routed to
 * @param index the item's position in the case (0-based)
 * @param item the item itself, a JSON object such as {@code {"caseId":"7"}}
 * @param parameters the case's free parameters (an object, possibly empty)
 */
public record ComputationInput(
    String requestId, String target, long index, ObjectNode item, ObjectNode parameters) {

  /** A parameter as a long, or the default when absent; a non-number is refused by name. */
  public long longParameter(String name, long defaultValue) {
    JsonNode value = parameters.get(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isNumber() || (value.isFloatingPointNumber() && value.asDouble() % 1 != 0)) {
      throw ComputationFailure.invalidParameter(name, "an integer", value);
    }
    return value.asLong();
  }

  /** A parameter as a double, or the default when absent; a non-number is refused by name. */
  public double doubleParameter(String name, double defaultValue) {
    JsonNode value = parameters.get(name);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isNumber()) {
      throw ComputationFailure.invalidParameter(name, "a number", value);
    }
    return value.asDouble();
  }

  /** The item's caseId when it has one (the sample data sets' items all do), else null. */
  public String caseId() {
    JsonNode caseId = item.get("caseId");
    return caseId == null || caseId.isNull() ? null : caseId.asText();
  }
}
