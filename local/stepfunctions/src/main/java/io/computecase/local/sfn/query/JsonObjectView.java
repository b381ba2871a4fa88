package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object as the map JSONata works on, converting a member only when an expression reaches
 * it. The engine only rewrites values in place through entries (null markers in its result), which
 * the entry set supports. A Map iteration's selector reads two fields of a parent input that may
 * hold 10,000 items; converting that input whole for every iteration made a Distributed Map
 * quadratic.
 */
final class JsonObjectView extends AbstractMap<String, Object> {
  private final JsonNode node;
  private Map<String, Object> members;
  private Map<String, Object> all;

  JsonObjectView(JsonNode node) {
    this.node = node;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    if (all != null) {
      return all.get(name);
    }
    if (members == null) {
      members = new HashMap<>();
    } else if (members.containsKey(name)) {
      return members.get(name);
    }
    Object value = JsonataValues.toJava(node.get(name));
    members.put(name, value);
    return value;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String name && node.has(name);
  }

  @Override
  public int size() {
    return node.size();
  }

  @Override
  public boolean isEmpty() {
    return node.isEmpty();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    if (all == null) {
      Map<String, Object> converted = new LinkedHashMap<>(Math.max(4, node.size() * 2));
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        String name = fields.next().getKey();
        converted.put(name, get(name));
      }
      all = converted;
    }
    return all.entrySet();
  }
}
