package io.computecase.operator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a Distributed Map's ResultWriter leaves in S3, written by hand for tests on the Testing
 * fake: under {@code <prefix>/<Map Run id>/}, SUCCEEDED_n.json files (arrays of child executions
 * whose Output is the item's output, the worker's whole answer, as a JSON string) and the manifest
 * listing them, as the Step Functions Developer Guide shows them.
 */
public final class TestingResults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestingResults() {}

  /**
   * Writes one SUCCEEDED file per list of durations and the manifest; returns the manifest's key.
   */
  public static String write(
      OperatorTestStack stack, String prefix, String mapRunArn, List<List<Double>> files) {
    String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    String base = prefix + "/" + id + "/";
    ArrayNode succeeded = JSON.createArrayNode();
    int index = 0;
    for (int f = 0; f < files.size(); f++) {
      ArrayNode entries = JSON.createArrayNode();
      for (Double duration : files.get(f)) {
        ObjectNode entry = entries.addObject();
        entry.put("ExecutionArn", mapRunArn.replace(":mapRun:", ":execution:") + ":" + index);
        entry.put("Input", "{\"index\":" + index + ",\"item\":{\"caseId\":\"" + index + "\"}}");
        entry.putObject("InputDetails").put("Included", true);
        entry.put("Name", String.valueOf(index));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("index", index);
        answer.put("caseId", String.valueOf(index));
        answer.putObject("result").put("ok", true);
        answer.put("durationMs", duration);
        answer.put("worker", "testing-worker");
        entry.put("Output", answer.toString());
        entry.putObject("OutputDetails").put("Included", true);
        entry.put("RedriveCount", 0);
        entry.put("RedriveStatus", "NOT_REDRIVABLE");
        entry.put("Status", "SUCCEEDED");
        entry.put("StartDate", "2026-12-03T10:00:00.000Z");
        entry.put("StopDate", "2026-12-03T10:00:01.000Z");
        index++;
      }
      String key = base + "SUCCEEDED_" + f + ".json";
      String content = entries.toString();
      stack.putObject(OperatorTestStack.BUCKET, key, content);
      succeeded.addObject().put("Key", key).put("Size", content.length());
    }
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("DestinationBucket", OperatorTestStack.BUCKET);
    manifest.put("MapRunArn", mapRunArn);
    ObjectNode resultFiles = manifest.putObject("ResultFiles");
    resultFiles.putArray("FAILED");
    resultFiles.putArray("PENDING");
    resultFiles.set("SUCCEEDED", succeeded);
    String manifestKey = base + "manifest.json";
    stack.putObject(OperatorTestStack.BUCKET, manifestKey, manifest.toString());
    return manifestKey;
  }

  /** The execution output asl/ gives once the Map wrote its results. */
  public static String executionOutput(String mapRunArn, String manifestKey) {
    ObjectNode output = JSON.createObjectNode();
    output.put("requestId", "r");
    output.put("mapRunArn", mapRunArn);
    output
        .putObject("resultWriterDetails")
        .put("Bucket", OperatorTestStack.BUCKET)
        .put("Key", manifestKey);
    return output.toString();
  }
}
