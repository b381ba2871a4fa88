package io.computecase.local.sfn.execution.map.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.integration.s3.ObjectStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * InputType MANIFEST: an Amazon S3 Inventory {@code manifest.json}, whose CSV files (gzipped when
 * named {@code .gz}) list the objects; each row becomes an object of the manifest's {@code
 * fileSchema} names → string, as the Guide shows a child's input.
 */
public final class InventoryItems {
  private static final String BUCKET_ARN = "arn:aws:s3:::";

  private InventoryItems() {}

  /**
   * Hands each listed object, as compact JSON, to {@code sink} until it answers false.
   *
   * @param manifest the manifest.json's content
   * @param open opens a data file: (bucket, key) → its content
   */
  public static void read(
      InputStream manifest, BiFunction<String, String, InputStream> open, Predicate<String> sink) {
    JsonNode inventory;
    try {
      inventory = AwsJson.MAPPER.readTree(manifest);
    } catch (JsonProcessingException e) {
      throw new ItemReadException(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "the manifest is malformed: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!inventory.path("fileFormat").asText().equals("CSV")) {
      throw new ItemReadException(
          0,
          "the inventory's fileFormat must be CSV, but is '"
              + inventory.path("fileFormat").asText()
              + "'.");
    }
    List<String> headers = new ArrayList<>();
    for (String name : inventory.path("fileSchema").asText().split(",")) {
      if (!name.isBlank()) {
        headers.add(name.trim());
      }
    }
    String bucket = inventory.path("destinationBucket").asText();
    if (headers.isEmpty() || bucket.isEmpty() || !inventory.path("files").isArray()) {
      throw new ItemReadException(
          0, "the manifest must name its fileSchema, destinationBucket and files.");
    }
    String dataBucket =
        bucket.startsWith(BUCKET_ARN) ? bucket.substring(BUCKET_ARN.length()) : bucket;
    boolean[] full = {false};
    Predicate<String> counted =
        item -> {
          boolean more = sink.test(item);
          full[0] = !more;
          return more;
        };
    for (JsonNode file : inventory.get("files")) {
      String key = file.path("key").asText();
      try (InputStream raw = open.apply(dataBucket, key);
          InputStream data = key.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
        DelimitedItems.read(data, ',', headers, counted);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ObjectStoreException e) {
        throw new ItemReadException(
            0, "cannot read s3://" + dataBucket + "/" + key + ": " + e.getMessage());
      } catch (ItemReadException e) {
        throw new ItemReadException(
            e.line(), "in s3://" + dataBucket + "/" + key + ": " + e.getMessage());
      }
      if (full[0]) {
        return;
      }
    }
  }
}
