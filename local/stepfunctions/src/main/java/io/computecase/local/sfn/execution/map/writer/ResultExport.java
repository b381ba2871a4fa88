package io.computecase.local.sfn.execution.map.writer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.integration.s3.ObjectStore;
import io.computecase.local.sfn.integration.s3.ObjectStoreException;
import io.computecase.local.sfn.states.MapResultWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a Map Run's results to S3 as the Guide lays them out: under {@code <Prefix>/<map run
 * id>/}, {@code SUCCEEDED_0.json} (succeeded children), {@code FAILED_0.json} (failed, timed out
 * and aborted ones) and {@code PENDING_0.json} (units that never started), each written only when
 * it has entries, and {@code manifest.json} naming them. Each file is written to a temporary file
 * as the results stream by, then put, so no file is ever one string in memory.
 */
public final class ResultExport {
  private final MapResultWriter writer;
  private final String bucket;
  private final String prefix;
  private final ObjectStore store;

  /** Why the results could not be exported: the cause of States.ResultWriterFailed. */
  public static final class Failure extends RuntimeException {
    public Failure(String cause) {
      super(cause, null, false, false);
    }
  }

  private ResultExport(MapResultWriter writer, String bucket, String prefix, ObjectStore store) {
    this.writer = writer;
    this.bucket = bucket;
    this.prefix = prefix;
    this.store = store;
  }

  /**
   * The export a ResultWriter's evaluated Parameters or Arguments ask for.
   *
   * @throws Failure when Bucket or Prefix are not strings
   */
  public static ResultExport of(MapResultWriter writer, JsonNode arguments, ObjectStore store) {
    if (arguments == null || !arguments.isObject()) {
      throw new Failure(
          "The ResultWriter's arguments must be an object, but were "
              + (arguments == null ? "undefined" : arguments.toString())
              + ".");
    }
    JsonNode bucket = arguments.get("Bucket");
    if (bucket == null || !bucket.isTextual()) {
      throw new Failure(
          "The ResultWriter's Bucket must be a string, but was "
              + (bucket == null ? "missing" : bucket.toString())
              + ".");
    }
    JsonNode prefix = arguments.get("Prefix");
    if (prefix != null && !prefix.isNull() && !prefix.isTextual()) {
      throw new Failure("The ResultWriter's Prefix must be a string, but was " + prefix + ".");
    }
    return new ResultExport(
        writer, bucket.textValue(), prefix == null ? "" : prefix.asText(""), store);
  }

  /**
   * Writes the result files and the manifest; answers the Map's output, the Map Run's ARN and where
   * the manifest is.
   *
   * @throws Failure when S3 refuses a write
   */
  public JsonNode export(String mapRunArn, Iterator<ChildResult> results) {
    String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    String directory =
        (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + id + "/";
    Map<String, ResultFile> files = new LinkedHashMap<>();
    try {
      try {
        while (results.hasNext()) {
          ChildResult result = results.next();
          String kind = result.succeeded() ? "SUCCEEDED" : result.pending() ? "PENDING" : "FAILED";
          ResultFile file = files.get(kind);
          if (file == null) {
            file = new ResultFile(writer.outputType().equals("JSONL"));
            files.put(kind, file);
          }
          ResultFile target = file;
          ResultShapes.shape(result, writer.transformation(), target::write);
        }
        for (ResultFile file : files.values()) {
          file.close();
        }
        ObjectNode manifest = AwsJson.MAPPER.createObjectNode();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        ObjectNode listed = manifest.putObject("ResultFiles");
        for (String kind : List.of("FAILED", "PENDING", "SUCCEEDED")) {
          ArrayNode keys = listed.putArray(kind);
          ResultFile file = files.get(kind);
          if (file != null) {
            String key = directory + kind + "_0.json";
            put(key, file.path);
            keys.addObject().put("Key", key).put("Size", Files.size(file.path));
          }
        }
        Path manifestFile = Files.createTempFile("map-run-manifest", ".json");
        try {
          AwsJson.MAPPER.writeValue(manifestFile.toFile(), manifest);
          put(directory + "manifest.json", manifestFile);
        } finally {
          Files.deleteIfExists(manifestFile);
        }
      } finally {
        for (ResultFile file : files.values()) {
          file.delete();
        }
      }
    } catch (IOException e) {
      throw new Failure("Cannot write the results of " + mapRunArn + ": " + e.getMessage());
    }
    ObjectNode output = AwsJson.MAPPER.createObjectNode();
    output.put("MapRunArn", mapRunArn);
    ObjectNode details = output.putObject("ResultWriterDetails");
    details.put("Bucket", bucket);
    details.put("Key", directory + "manifest.json");
    return output;
  }

  private void put(String key, Path file) {
    try {
      store.put(bucket, key, file);
    } catch (ObjectStoreException e) {
      throw new Failure("Cannot write s3://" + bucket + "/" + key + ": " + e.getMessage());
    }
  }

  /** One result file being written: a JSON array, or JSON Lines. */
  private static final class ResultFile {
    private final Path path;
    private final OutputStream out;
    private final JsonGenerator json;
    private final boolean lines;

    ResultFile(boolean lines) throws IOException {
      this.lines = lines;
      this.path = Files.createTempFile("map-run-results", lines ? ".jsonl" : ".json");
      this.out = Files.newOutputStream(path);
      this.json = AwsJson.MAPPER.getFactory().createGenerator(out);
      if (lines) {
        json.setRootValueSeparator(new SerializedString("\n"));
      } else {
        json.writeStartArray();
      }
    }

    void write(JsonNode entry) {
      try {
        AwsJson.MAPPER.writeTree(json, entry);
      } catch (IOException e) {
        throw new Failure("Cannot write a result file: " + e.getMessage());
      }
    }

    void close() throws IOException {
      if (lines) {
        json.writeRaw('\n');
      } else {
        json.writeEndArray();
      }
      json.close();
      out.close();
    }

    void delete() {
      try {
        json.close();
        out.close();
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // A temporary file left behind is all this costs.
      }
    }
  }

  /** The Map's output when the results are shaped but not exported: one JSON array. */
  public static JsonNode shapedArray(MapResultWriter writer, Iterator<ChildResult> results) {
    ArrayNode array = AwsJson.MAPPER.createArrayNode();
    List<JsonNode> entries = new ArrayList<>();
    while (results.hasNext()) {
      ResultShapes.shape(results.next(), writer.transformation(), entries::add);
    }
    array.addAll(entries);
    return array;
  }
}
