package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Distributed Map's ResultWriter: where the Map Run's results are exported ({@code s3:putObject}
 * with Bucket and Prefix) and how each child's result is shaped (WriterConfig).
 *
 * @param arguments the Parameters or Arguments template (Bucket, Prefix); null when the results are
 *     only shaped, not exported
 * @param transformation NONE, COMPACT or FLATTEN
 * @param outputType JSON or JSONL
 */
public record MapResultWriter(JsonNode arguments, String transformation, String outputType) {
  public boolean exports() {
    return arguments != null;
  }
}
