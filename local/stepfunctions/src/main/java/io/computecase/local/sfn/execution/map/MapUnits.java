package io.computecase.local.sfn.execution.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.execution.PayloadLimits;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A Map's units of work: its items after ItemSelector, one per iteration or child execution, or
 * grouped by ItemBatcher. A unit is made when it is asked for, so items read from S3 stay compact
 * until their child starts; only the batch boundaries are planned ahead.
 */
final class MapUnits {
  private final IntFunction<JsonNode> item;
  private final int itemTotal;
  // Batch i holds items starts[i] .. starts[i + 1] - 1; null when each item is its own unit.
  private final int[] starts;
  private final JsonNode batchInput;

  private MapUnits(IntFunction<JsonNode> item, int itemTotal, int[] starts, JsonNode batchInput) {
    this.item = item;
    this.itemTotal = itemTotal;
    this.starts = starts;
    this.batchInput = batchInput;
  }

  /** Each item its own unit. */
  static MapUnits single(IntFunction<JsonNode> item, int itemTotal) {
    return new MapUnits(item, itemTotal, null, null);
  }

  /**
   * Items grouped in batches of at most {@code perBatch} items and {@code maxBytes} of items, as
   * ItemBatcher does (each item is made once here to measure it).
   */
  static MapUnits batched(
      IntFunction<JsonNode> item, int itemTotal, int perBatch, long maxBytes, JsonNode batchInput) {
    int[] starts = new int[Math.min(itemTotal, 1024) + 1];
    int batches = 0;
    int inBatch = 0;
    long batchBytes = 0;
    for (int i = 0; i < itemTotal; i++) {
      long size = PayloadLimits.size(item.apply(i));
      if (batches == 0 || inBatch >= perBatch || batchBytes + size > maxBytes) {
        if (batches + 1 >= starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[batches++] = i;
        inBatch = 0;
        batchBytes = 0;
      }
      inBatch++;
      batchBytes += size;
    }
    starts[batches] = itemTotal;
    return new MapUnits(item, itemTotal, Arrays.copyOf(starts, batches + 1), batchInput);
  }

  int size() {
    return starts == null ? itemTotal : starts.length - 1;
  }

  int itemTotal() {
    return itemTotal;
  }

  /** How many items the unit holds. */
  long items(int unit) {
    return starts == null ? 1 : starts[unit + 1] - starts[unit];
  }

  /** The unit's input: the item, or the batch {BatchInput, Items}. */
  JsonNode unit(int unit) {
    if (starts == null) {
      return item.apply(unit);
    }
    ObjectNode batch = AwsJson.MAPPER.createObjectNode();
    if (batchInput != null) {
      batch.set("BatchInput", batchInput);
    }
    ArrayNode items = batch.putArray("Items");
    for (int i = starts[unit]; i < starts[unit + 1]; i++) {
      items.add(item.apply(i));
    }
    return batch;
  }
}
