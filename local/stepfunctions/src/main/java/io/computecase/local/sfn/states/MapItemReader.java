package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Distributed Map's ItemReader: the S3 action that gives its items ({@code getObject} of one
 * object, or {@code listObjectsV2} of a prefix), its Parameters (JSONPath) or Arguments (JSONata),
 * and how the object is read (ReaderConfig).
 *
 * @param action {@code getObject} or {@code listObjectsV2}
 * @param arguments the Parameters or Arguments template: Bucket, Key, VersionId or Prefix
 * @param inputType JSON, JSONL or CSV for getObject; null for listObjectsV2
 * @param csvHeaders the GIVEN headers; null when the first row is the header
 * @param csvDelimiter the field separator character of a CSV object
 * @param maxItems MaxItems, MaxItemsPath or a JSONata MaxItems; null for no limit
 */
public record MapItemReader(
    String action,
    JsonNode arguments,
    String inputType,
    List<String> csvHeaders,
    char csvDelimiter,
    NumberSource maxItems) {
  public static final String GET_OBJECT = "getObject";
  public static final String LIST_OBJECTS = "listObjectsV2";

  public MapItemReader {
    csvHeaders = csvHeaders == null ? null : List.copyOf(csvHeaders);
  }
}
