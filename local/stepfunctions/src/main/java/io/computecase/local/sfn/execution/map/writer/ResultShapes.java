package io.computecase.local.sfn.execution.map.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * How WriterConfig's Transformation shapes one child's result. NONE: the execution's metadata with
 * its input and output as JSON text (as DescribeExecution tells them). COMPACT: the output alone.
 * FLATTEN: the output alone, an array's elements each on its own. A child that did not succeed is
 * always told as NONE tells it.
 */
public final class ResultShapes {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ResultShapes() {}

  /** Hands the entries this child's result becomes (FLATTEN may make several, or none). */
  public static void shape(ChildResult result, String transformation, Consumer<JsonNode> entries) {
    if (!result.succeeded() || transformation.equals("NONE")) {
      entries.accept(metadata(result));
    } else if (transformation.equals("FLATTEN") && result.output().isArray()) {
      result.output().forEach(entries);
    } else {
      entries.accept(result.output());
    }
  }

  /** The NONE entry: the child execution as DescribeExecution tells it, in AWS's member names. */
  static ObjectNode metadata(ChildResult result) {
    ObjectNode entry = AwsJson.MAPPER.createObjectNode();
    if (result.pending()) {
      entry.put("Input", result.input().toString());
      entry.putObject("InputDetails").put("Included", true);
      entry.put("Status", "PENDING");
      return entry;
    }
    if (result.cause() != null) {
      entry.put("Cause", result.cause());
    }
    if (result.error() != null) {
      entry.put("Error", result.error());
    }
    entry.put("ExecutionArn", result.executionArn());
    entry.put("Input", result.input().toString());
    entry.putObject("InputDetails").put("Included", true);
    entry.put("Name", result.name());
    if (result.succeeded()) {
      entry.put("Output", result.output().toString());
      entry.putObject("OutputDetails").put("Included", true);
    }
    entry.put("RedriveCount", result.redriveCount());
    // A child is redriven with its Map Run, never on its own: DescribeExecution says the same.
    entry.put("RedriveStatus", "NOT_REDRIVABLE");
    entry.put("RedriveStatusReason", "Execution is " + result.status() + " and cannot be redriven");
    entry.put("StartDate", DATE.format(Instant.ofEpochMilli(result.startMillis())));
    entry.put("StateMachineArn", result.stateMachineArn());
    entry.put("Status", result.status());
    entry.put("StopDate", DATE.format(Instant.ofEpochMilli(result.stopMillis())));
    return entry;
  }
}
