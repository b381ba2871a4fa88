package io.computecase.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.sfn.query.QueryLanguage;
import io.computecase.local.sfn.states.Catcher;
import io.computecase.local.sfn.states.MapItemReader;
import io.computecase.local.sfn.states.MapResultWriter;
import io.computecase.local.sfn.states.MapState;
import io.computecase.local.sfn.states.Retrier;
import io.computecase.local.sfn.states.StateFields;
import io.computecase.local.sfn.states.StateGraph;
import java.util.List;

/** Parses a Map state: its processor (ItemProcessor or legacy Iterator), items and limits. */
final class MapParser {
  private final DefinitionParser graphs;
  private final Diagnostics diagnostics;
  private final FieldReader read;

  MapParser(DefinitionParser graphs, Diagnostics diagnostics, FieldReader read) {
    this.graphs = graphs;
    this.diagnostics = diagnostics;
    this.read = read;
  }

  MapState parse(
      StateFields fields,
      JsonNode node,
      QueryLanguage language,
      String location,
      List<Retrier> retriers,
      List<Catcher> catchers) {
    JsonNode processorNode =
        node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
    String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    if (node.has("ItemProcessor") && node.has("Iterator")) {
      diagnostics.schema(
          "A Map state cannot have both 'ItemProcessor' and 'Iterator'", location + "/Iterator");
    }
    StateGraph processor = null;
    boolean distributed = false;
    String executionType = null;
    String processorText = null;
    if (processorNode == null || !processorNode.isObject()) {
      diagnostics.schema(
          "The field 'ItemProcessor' is required and must be an object",
          location + "/ItemProcessor");
    } else {
      String at = location + "/" + processorField;
      JsonNode config = processorNode.path("ProcessorConfig");
      String mode = config.path("Mode").asText("INLINE");
      if (!mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
        diagnostics.schema(
            "The value for the field 'Mode' must be one of [INLINE, DISTRIBUTED]",
            at + "/ProcessorConfig/Mode");
      }
      distributed = mode.equals("DISTRIBUTED");
      executionType = config.path("ExecutionType").asText(distributed ? "STANDARD" : null);
      if (distributed && !executionType.equals("STANDARD") && !executionType.equals("EXPRESS")) {
        diagnostics.schema(
            "The value for the field 'ExecutionType' must be one of [STANDARD, EXPRESS]",
            at + "/ProcessorConfig/ExecutionType");
      }
      processor =
          graphs.graph(processorNode, graphs.language(processorNode, language, at), at, false);
      ObjectNode definition = processorNode.deepCopy();
      definition.remove("ProcessorConfig");
      if (!definition.has("QueryLanguage") && language == QueryLanguage.JSONATA) {
        definition.put("QueryLanguage", "JSONata");
      }
      processorText = definition.toString();
    }
    MapS3Parser s3 = new MapS3Parser(diagnostics, read);
    MapItemReader itemReader = s3.itemReader(node, language, distributed, location);
    MapResultWriter resultWriter = s3.resultWriter(node, language, distributed, location);
    if (language == QueryLanguage.JSONPATH) {
      read.template(node, "ItemSelector", location);
    } else {
      read.jsonataTemplate(node, "ItemSelector", location);
      read.jsonataTemplate(node, "Items", location);
    }
    if (!distributed) {
      // The tolerated failure thresholds are accepted in INLINE mode too, where no Map Run
      // counts failures: there they change nothing.
      for (String field : List.of("ItemBatcher", "Label")) {
        if (node.has(field) || node.has(field + "Path")) {
          diagnostics.schema(
              "The field '" + field + "' is only supported for a Map state in DISTRIBUTED mode",
              location + "/" + field);
        }
      }
    }
    JsonNode batcher = node.path("ItemBatcher");
    String batcherAt = location + "/ItemBatcher";
    MapState.Settings settings =
        new MapState.Settings(
            processor,
            processorText,
            distributed,
            executionType,
            read.path(node, "ItemsPath", location),
            node.get("Items"),
            node.get("ItemSelector"),
            read.number(node, "MaxConcurrency", location, 0),
            read.number(node, "ToleratedFailurePercentage", location, 0),
            read.number(node, "ToleratedFailureCount", location, 0),
            node.path("Label").isTextual() ? node.get("Label").asText() : null,
            batcher.isObject() ? read.number(batcher, "MaxItemsPerBatch", batcherAt, 1) : null,
            batcher.isObject() ? read.number(batcher, "MaxInputBytesPerBatch", batcherAt, 1) : null,
            batcher.isObject() ? batcher.get("BatchInput") : null,
            itemReader,
            resultWriter);
    return new MapState(fields, settings, retriers, catchers);
  }
}
