package io.computecase.local.sfn.execution.map.reader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.integration.s3.ObjectStore;
import io.computecase.local.sfn.integration.s3.ObjectStoreException;
import io.computecase.local.sfn.integration.s3.ObjectSummary;
import io.computecase.local.sfn.states.MapItemReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/**
 * Reads a Distributed Map's items from S3 as its ItemReader says, at most MaxItems of them: the
 * elements of a JSON array, the lines of a JSON Lines object, the records of a delimited text
 * object, or the objects under a prefix.
 */
public final class S3Items {
  private S3Items() {}

  /** Why an ItemReader could not give its items: the cause of States.ItemReaderFailed. */
  public static final class Failure extends RuntimeException {
    public Failure(String cause) {
      super(cause, null, false, false);
    }
  }

  /**
   * The items.
   *
   * @param arguments the evaluated Parameters or Arguments: Bucket, Key, VersionId or Prefix
   * @param maxItems at most this many items; 0 for all
   * @throws Failure when the object cannot be read or is malformed
   */
  public static ItemTexts read(
      MapItemReader reader, JsonNode arguments, long maxItems, ObjectStore store) {
    if (arguments == null || !arguments.isObject()) {
      throw new Failure(
          "The ItemReader's "
              + (reader.arguments() != null && reader.arguments().isObject()
                  ? "arguments"
                  : "Arguments")
              + " must be an object, but were "
              + (arguments == null ? "undefined" : arguments.toString())
              + ".");
    }
    String bucket = text(arguments, "Bucket", true);
    ItemTexts items = new ItemTexts();
    Predicate<String> sink =
        item -> {
          items.add(item);
          return maxItems <= 0 || items.size() < maxItems;
        };
    if (reader.action().equals(MapItemReader.LIST_OBJECTS)) {
      String prefix = text(arguments, "Prefix", false);
      String where = "s3://" + bucket + "/" + (prefix == null ? "" : prefix);
      try {
        store.list(bucket, prefix, summary -> sink.test(listed(summary)));
      } catch (ObjectStoreException e) {
        throw new Failure("Cannot list " + where + ": " + e.getMessage());
      }
      return items;
    }
    String key = text(arguments, "Key", true);
    String versionId = text(arguments, "VersionId", false);
    String where = "s3://" + bucket + "/" + key;
    try (InputStream in = store.open(bucket, key, versionId)) {
      switch (reader.inputType()) {
        case "JSON" -> JsonArrayItems.read(in, sink);
        case "JSONL" -> JsonLinesItems.read(in, sink);
        case "MANIFEST" ->
            InventoryItems.read(
                in, (dataBucket, dataKey) -> store.open(dataBucket, dataKey, null), sink);
        default -> DelimitedItems.read(in, reader.csvDelimiter(), reader.csvHeaders(), sink);
      }
    } catch (ObjectStoreException e) {
      throw new Failure("Cannot read " + where + ": " + e.getMessage());
    } catch (ItemReadException e) {
      throw new Failure(
          "Cannot read the "
              + reader.inputType()
              + " items of "
              + where
              + (e.line() > 0 ? ", line " + e.line() : "")
              + ": "
              + e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      throw new Failure("Cannot read " + where + ": " + e.getMessage());
    }
    return items;
  }

  /** An object of a listing as the Guide shows a child's input: Etag, Key, LastModified, ... */
  private static String listed(ObjectSummary summary) {
    ObjectNode item = AwsJson.MAPPER.createObjectNode();
    item.put("Etag", summary.eTag());
    item.put("Key", summary.key());
    if (summary.lastModified() != null) {
      item.put("LastModified", summary.lastModified().getEpochSecond());
    }
    item.put("Size", summary.size());
    item.put("StorageClass", summary.storageClass());
    return item.toString();
  }

  private static String text(JsonNode arguments, String field, boolean required) {
    JsonNode value = arguments.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new Failure("The ItemReader's " + field + " is missing.");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new Failure("The ItemReader's " + field + " must be a string, but was " + value + ".");
    }
    return value.textValue();
  }
}
