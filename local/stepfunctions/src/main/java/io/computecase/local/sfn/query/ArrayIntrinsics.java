package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The array intrinsics: States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem,
 * ArrayLength, ArrayUnique.
 */
final class ArrayIntrinsics {
  /** AWS caps States.ArrayRange at 1,000 elements. */
  static final int MAX_RANGE_ELEMENTS = 1000;

  private ArrayIntrinsics() {}

  static JsonNode array(IntrinsicArguments args) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(args.size());
    for (int i = 0; i < args.size(); i++) {
      array.add(args.get(i));
    }
    return array;
  }

  static JsonNode partition(IntrinsicArguments args) {
    args.expectCount(2);
    ArrayNode array = args.array(0);
    long size = args.rounded(1);
    if (size <= 0) {
      throw args.failure(
          "The value of argument 2 of States.ArrayPartition (the chunk size) must be greater than"
              + " 0, but was "
              + size);
    }
    ArrayNode chunks = JsonNodeFactory.instance.arrayNode();
    ArrayNode chunk = null;
    for (JsonNode element : array) {
      if (chunk == null || chunk.size() == size) {
        chunk = chunks.addArray();
      }
      chunk.add(element);
    }
    return chunks;
  }

  static JsonNode contains(IntrinsicArguments args) {
    args.expectCount(2);
    ArrayNode array = args.array(0);
    JsonNode wanted = args.get(1);
    for (JsonNode element : array) {
      if (JsonValues.equal(element, wanted)) {
        return BooleanNode.TRUE;
      }
    }
    return BooleanNode.FALSE;
  }

  static JsonNode range(IntrinsicArguments args) {
    args.expectCount(3);
    long first = args.roundedInt32(0);
    long last = args.roundedInt32(1);
    long step = args.roundedInt32(2);
    if (step == 0) {
      throw args.failure("The value of argument 3 of States.ArrayRange (the step) must not be 0");
    }
    long count = (last - first) / step + 1;
    if ((last - first) != 0 && Long.signum(last - first) != Long.signum(step)) {
      count = 0;
    }
    if (count > MAX_RANGE_ELEMENTS) {
      throw args.failure(
          "The array returned by States.ArrayRange would contain "
              + count
              + " elements; the maximum is "
              + MAX_RANGE_ELEMENTS);
    }
    ArrayNode range = JsonNodeFactory.instance.arrayNode((int) count);
    for (long i = 0, value = first; i < count; i++, value += step) {
      range.add(number(value));
    }
    return range;
  }

  static JsonNode getItem(IntrinsicArguments args) {
    args.expectCount(2);
    ArrayNode array = args.array(0);
    long index = args.integer(1);
    if (index < 0 || index >= array.size()) {
      throw args.failure(
          "The index "
              + index
              + " given to States.ArrayGetItem is out of bounds for an array of "
              + array.size()
              + " elements");
    }
    return array.get((int) index);
  }

  static JsonNode length(IntrinsicArguments args) {
    args.expectCount(1);
    return IntNode.valueOf(args.array(0).size());
  }

  static JsonNode unique(IntrinsicArguments args) {
    args.expectCount(1);
    ArrayNode array = args.array(0);
    Set<JsonValues.Key> seen = new LinkedHashSet<>();
    ArrayNode unique = JsonNodeFactory.instance.arrayNode();
    for (JsonNode element : array) {
      if (seen.add(new JsonValues.Key(element))) {
        unique.add(element);
      }
    }
    return unique;
  }

  static JsonNode number(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }
}
