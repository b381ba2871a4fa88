package io.computecase.local.kube.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.ResourceType;
import java.util.List;

/**
 * Tells whether an update would store what is already stored. Such writes keep the object's
 * resourceVersion and send no watch event, as on a real API server; without this, controllers that
 * re-apply their desired state would wake themselves up forever.
 */
final class UnchangedWrite {

  private static final List<String> SERVER_FIELDS =
      List.of(
          "uid",
          "creationTimestamp",
          "generation",
          "resourceVersion",
          "deletionTimestamp",
          "managedFields",
          "selfLink");

  private UnchangedWrite() {}

  static boolean isUnchanged(
      ResourceType type, String subresource, JsonNode current, JsonNode desired) {
    return current.isObject()
        && desired.isObject()
        && stored(type, subresource, current, desired).equals(current);
  }

  /** What an update of {@code current} with {@code desired} would store (before versioning). */
  static ObjectNode stored(
      ResourceType type, String subresource, JsonNode current, JsonNode desired) {
    ObjectNode effective;
    if (type.statusSubresource() && "status".equals(subresource)) {
      effective = ((ObjectNode) current).deepCopy();
      copyField(effective, desired, "status");
    } else {
      effective = ((ObjectNode) desired).deepCopy();
      if (type.statusSubresource()) {
        copyField(effective, current, "status");
      }
    }
    ObjectNode metadata = effective.with("metadata");
    for (String field : SERVER_FIELDS) {
      JsonNode value = current.path("metadata").get(field);
      if (value == null) {
        metadata.remove(field);
      } else {
        metadata.set(field, value);
      }
    }
    return effective;
  }

  private static void copyField(ObjectNode target, JsonNode source, String field) {
    if (source.has(field)) {
      target.set(field, source.get(field).deepCopy());
    } else {
      target.remove(field);
    }
  }
}
