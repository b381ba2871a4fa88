package io.computecase.local.kube.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.PrinterColumn;
import io.computecase.local.kube.discovery.ResourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders objects as a meta.k8s.io/v1 Table (what {@code kubectl get} asks for), with the kind's
 * printer columns evaluated per row.
 */
public final class TableConverter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrinterColumn AGE =
      new PrinterColumn("Age", "date", "", "", 0, ".metadata.creationTimestamp");

  private final Clock clock;

  public TableConverter(Clock clock) {
    this.clock = clock;
  }

  /** Whether an Accept header asks for a Table. */
  public static boolean wantsTable(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  /** A Table of {@code objects}; includeObject is None, Metadata or Object (the default here). */
  public ObjectNode table(
      ResourceType type, List<JsonNode> objects, String resourceVersion, String includeObject) {
    List<PrinterColumn> columns =
        type.printerColumns().isEmpty() ? List.of(AGE) : type.printerColumns();
    List<PrinterColumnPath> paths = new ArrayList<>();
    columns.forEach(column -> paths.add(new PrinterColumnPath(column.jsonPath())));
    ObjectNode table =
        JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode definitions = table.putArray("columnDefinitions");
    definitions
        .addObject()
        .put("name", "Name")
        .put("type", "string")
        .put("format", "name")
        .put("description", "Name must be unique within a namespace.")
        .put("priority", 0);
    for (PrinterColumn column : columns) {
      definitions
          .addObject()
          .put("name", column.name())
          .put("type", column.type())
          .put("format", column.format())
          .put("description", column.description())
          .put("priority", column.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(object.path("metadata").path("name").asText());
      for (int i = 0; i < columns.size(); i++) {
        cells.add(cell(columns.get(i), paths.get(i).firstValue(object)));
      }
      if ("Metadata".equals(includeObject)) {
        ObjectNode partial =
            row.putObject("object")
                .put("kind", "PartialObjectMetadata")
                .put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata"));
      } else if (!"None".equals(includeObject)) {
        row.set("object", object);
      }
    }
    return table;
  }

  private JsonNode cell(PrinterColumn column, JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return value.isMissingNode() ? JSON.nullNode() : value;
    }
    if ("date".equals(column.type()) && value.isTextual()) {
      try {
        Instant at = Instant.parse(value.asText());
        return JSON.getNodeFactory()
            .textNode(HumanDuration.format(Duration.between(at, clock.instant())));
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    if ("string".equals(column.type()) && !value.isTextual()) {
      return JSON.getNodeFactory()
          .textNode(value.isContainerNode() ? value.toString() : value.asText());
    }
    return value;
  }
}
