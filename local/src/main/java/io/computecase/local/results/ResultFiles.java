package io.computecase.local.results;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads the per-item results a Distributed Map's ResultWriter left in S3: the manifest, then each
 * result file it lists, one entry at a time, so a million items never sit in memory together.
 *
 * <p>The files are those the Step Functions Developer Guide describes: {@code manifest.json} with
 * {@code ResultFiles} grouped by {@code SUCCEEDED}, {@code FAILED} and {@code PENDING}, each file a
 * JSON array (or JSON Lines) of child execution entries whose {@code Input} and {@code Output} are
 * JSON text.
 */
public final class ResultFiles {
  /** The groups a manifest lists, in the order they are read. */
  public enum Group {
    SUCCEEDED,
    FAILED,
    PENDING
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final S3Client s3;
  private final String bucket;
  private final String manifestKey;

  public ResultFiles(S3Client s3, String bucket, String manifestKey) {
    this.s3 = s3;
    this.bucket = bucket;
    this.manifestKey = manifestKey;
  }

  /** Hands every entry of the given groups to {@code sink}, as one item result each. */
  public long forEach(List<Group> groups, Consumer<ItemResult> sink) {
    JsonNode manifest = manifest();
    String fileBucket = manifest.path("DestinationBucket").asText(bucket);
    long count = 0;
    for (Group group : groups) {
      for (String key : keys(manifest, group)) {
        count += readFile(fileBucket, key, group, sink);
      }
    }
    return count;
  }

  private JsonNode manifest() {
    try (InputStream in = open(bucket, manifestKey)) {
      JsonNode manifest = JSON.readTree(in);
      if (manifest == null || !manifest.path("ResultFiles").isObject()) {
        throw new IllegalStateException(
            "s3://"
                + bucket
                + "/"
                + manifestKey
                + " is not a ResultWriter manifest: it has no ResultFiles object");
      }
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "s3://" + bucket + "/" + manifestKey + " is not JSON: " + e.getMessage(), e);
    }
  }

  private static List<String> keys(JsonNode manifest, Group group) {
    List<String> keys = new ArrayList<>();
    for (JsonNode file : manifest.path("ResultFiles").path(group.name())) {
      if (file.path("Key").isTextual()) {
        keys.add(file.path("Key").asText());
      }
    }
    return keys;
  }

  private long readFile(String fileBucket, String key, Group group, Consumer<ItemResult> sink) {
    long count = 0;
    try (InputStream raw = new BufferedInputStream(open(fileBucket, key));
        JsonParser parser = JSON.getFactory().createParser(raw)) {
      JsonToken first = parser.nextToken();
      boolean array = first == JsonToken.START_ARRAY;
      JsonToken token = array ? parser.nextToken() : first;
      while (token != null && token != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT) {
          throw new IllegalStateException(
              "s3://" + fileBucket + "/" + key + " holds a " + token + " where an entry belongs");
        }
        ObjectNode entry = parser.readValueAsTree();
        sink.accept(ItemResult.of(group, entry));
        count++;
        token = parser.nextToken();
      }
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "s3://" + fileBucket + "/" + key + " could not be read: " + e.getMessage(), e);
    }
  }

  private ResponseInputStream<GetObjectResponse> open(String fromBucket, String key) {
    try {
      return s3.getObject(r -> r.bucket(fromBucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new IllegalStateException(
          "s3://"
              + fromBucket
              + "/"
              + key
              + " does not exist (deleted, or expired by a lifecycle"
              + " rule?)",
          e);
    }
  }
}
