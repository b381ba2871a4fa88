package io.computecase.operator.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads what a Distributed Map's ResultWriter left in S3: the manifest ({"DestinationBucket",
 * "MapRunArn", "ResultFiles": {"SUCCEEDED": [{"Key", "Size"}], "FAILED": [...], "PENDING":
 * [...]}}), then each SUCCEEDED file, an array of child executions whose "Output" is the item's
 * output (the worker's answer, with its durationMs) as a JSON string. Files are streamed entry by
 * entry: a million results never sit in memory.
 */
public final class ResultFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final S3Client s3;

  public ResultFiles(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * The manifest Step Functions writes for a Map Run: {@code <prefix>/<Map Run id>/manifest.json}.
   */
  public static String manifestKey(String resultsPrefix, String mapRunArn) {
    String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    return resultsPrefix + "/" + id + "/manifest.json";
  }

  /**
   * Hands every succeeded item's duration in milliseconds to the consumer: the {@code durationMs}
   * of its output, the worker's whole answer as asl/'s DispatchItem passes it on, or the output
   * itself when it is a bare number (as results written before that were).
   *
   * @return false when there is no manifest at that key (the Map Run wrote none)
   */
  public boolean eachSucceededDuration(String bucket, String manifestKey, DoubleConsumer each) {
    JsonNode manifest;
    try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(manifestKey))) {
      manifest = MAPPER.readTree(in);
    } catch (NoSuchKeyException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("reading s3://" + bucket + "/" + manifestKey, e);
    }
    String destination = manifest.path("DestinationBucket").asText(bucket);
    List<String> keys = new ArrayList<>();
    manifest.path("ResultFiles").path("SUCCEEDED").forEach(f -> keys.add(f.path("Key").asText()));
    for (String key : keys) {
      read(destination, key, each);
    }
    return true;
  }

  private static Optional<Double> duration(JsonNode entry) {
    JsonNode output = entry.get("Output");
    if (output == null || output.isNull()) {
      return Optional.empty();
    }
    JsonNode parsed = output;
    if (output.isTextual()) {
      try {
        parsed = MAPPER.readTree(output.asText());
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    if (parsed != null && parsed.isObject()) {
      parsed = parsed.get("durationMs");
    }
    return parsed != null && parsed.isNumber() ? Optional.of(parsed.asDouble()) : Optional.empty();
  }

  private void read(String bucket, String key, DoubleConsumer each) {
    try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(key));
        // a JSON array is read element by element; JSON Lines, one value after another
        MappingIterator<JsonNode> entries = MAPPER.readerFor(JsonNode.class).readValues(in)) {
      while (entries.hasNextValue()) {
        duration(entries.nextValue()).ifPresent(each::accept);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading s3://" + bucket + "/" + key, e);
    }
  }
}
