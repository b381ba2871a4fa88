package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A JSON array as the list JSONata works on (it may replace elements in place, never resize),
 * converting an element only when an expression reaches it, so indexing one item of a large array
 * costs one element's conversion.
 */
final class JsonArrayView extends AbstractList<Object> implements RandomAccess {
  private static final Object UNCONVERTED = new Object();

  private final JsonNode node;
  private Object[] elements;

  JsonArrayView(JsonNode node) {
    this.node = node;
  }

  @Override
  public Object get(int index) {
    if (index < 0 || index >= node.size()) {
      throw new IndexOutOfBoundsException(index);
    }
    if (elements == null) {
      elements = new Object[node.size()];
      Arrays.fill(elements, UNCONVERTED);
    }
    Object value = elements[index];
    if (value == UNCONVERTED) {
      value = JsonataValues.toJava(node.get(index));
      elements[index] = value;
    }
    return value;
  }

  @Override
  public Object set(int index, Object value) {
    Object previous = get(index);
    elements[index] = value;
    return previous;
  }

  @Override
  public int size() {
    return node.size();
  }
}
