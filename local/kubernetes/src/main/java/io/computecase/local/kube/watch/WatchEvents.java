package io.computecase.local.kube.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.ResourceType;
import io.computecase.local.kube.store.ResourceChange;
import io.computecase.local.kube.table.TableConverter;
import java.util.List;

/** Encodes watch events as the JSON lines a watch stream carries, as objects or as Tables. */
public final class WatchEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceType type;
  private final TableConverter tables;
  private final boolean asTable;
  private final String includeObject;

  public WatchEvents(
      ResourceType type, TableConverter tables, boolean asTable, String includeObject) {
    this.type = type;
    this.tables = tables;
    this.asTable = asTable;
    this.includeObject = includeObject;
  }

  public String encode(ResourceChange change) {
    JsonNode object =
        asTable
            ? tables.table(
                type,
                List.of(change.object()),
                Long.toString(change.resourceVersion()),
                includeObject)
            : change.object();
    ObjectNode event = JSON.createObjectNode().put("type", change.type().name());
    event.set("object", object);
    return write(event);
  }

  /** An ERROR event carrying {@code status}, a meta/v1 Status. */
  public static String error(JsonNode status) {
    ObjectNode event = JSON.createObjectNode().put("type", "ERROR");
    event.set("object", status);
    return write(event);
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
