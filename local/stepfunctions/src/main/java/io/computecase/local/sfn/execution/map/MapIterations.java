package io.computecase.local.sfn.execution.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.PayloadLimits;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.query.QueryException;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.MapState;
import io.computecase.local.sfn.states.NumberSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Prepares a Map state's work (the items, each through ItemSelector, grouped by ItemBatcher) and
 * runs it inline or as a Distributed Map Run.
 */
public final class MapIterations {
  private MapIterations() {}

  /** Completes with the Map's result: the array of iteration outputs. */
  public static CompletableFuture<JsonNode> run(StateRun run, MapState map) {
    MapState.Settings settings = map.settings();
    boolean jsonata = map.fields().jsonata();
    JsonNode filtered = run.pathInput();
    QueryScope scope = run.scope(filtered);
    JsonNode items = items(settings, jsonata, filtered, scope, run);
    List<JsonNode> selected = new ArrayList<>(items.size());
    JsonNode selector =
        settings.itemSelector() != null ? settings.itemSelector() : map.fields().parameters();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (selector == null) {
        selected.add(item);
        continue;
      }
      ObjectNode mapItem = AwsJson.MAPPER.createObjectNode();
      mapItem.put("Index", i);
      mapItem.set("Value", item);
      QueryScope itemScope = run.scope(filtered, null, mapItem);
      selected.add(
          jsonata
              ? Evaluation.jsonataTemplate(selector, itemScope, "ItemSelector")
              : Evaluation.payloadTemplate(selector, itemScope));
    }
    List<JsonNode> units = batches(settings, selected, scope);
    int maxConcurrency =
        settings.maxConcurrency() == null ? 0 : (int) settings.maxConcurrency().resolveCount(scope);
    if (settings.distributed()) {
      double percentage = resolve(settings.toleratedFailurePercentage(), scope, -1);
      long count = (long) resolve(settings.toleratedFailureCount(), scope, -1);
      if (settings.toleratedFailurePercentage() != null && (percentage < 0 || percentage > 100)) {
        throw new QueryException(
            QueryException.RUNTIME,
            "The ToleratedFailurePercentage value must be a number between 0 and 100, but was "
                + percentage
                + ".");
      }
      return DistributedMapRun.run(
          run, map, units, selected.size(), maxConcurrency, percentage, count);
    }
    return InlineMapRun.run(run, map, units, maxConcurrency);
  }

  private static JsonNode items(
      MapState.Settings settings,
      boolean jsonata,
      JsonNode filtered,
      QueryScope scope,
      StateRun run) {
    if (jsonata && settings.items() != null) {
      // A literal array's {% %} elements are expressions too, each evaluated on its own.
      return Evaluation.jsonataArray(settings.items(), scope, "Items");
    }
    JsonNode items;
    String described;
    if (jsonata) {
      items = run.input();
      described = "$states.input";
    } else {
      String path = settings.itemsPath() == null ? "$" : settings.itemsPath();
      items = path.equals("$") ? filtered : Evaluation.select(path, scope);
      described = path;
    }
    if (items == null || !items.isArray()) {
      // A QueryException is a runtime error of this state: its cause names the state and the
      // event that entered it, as AWS words every such failure.
      throw new QueryException(
          jsonata ? QueryException.QUERY_EVALUATION_ERROR : QueryException.RUNTIME,
          "Unable to apply ItemsPath "
              + described
              + " to the input: the items must be a JSON array, but were "
              + (items == null ? "undefined" : items.getNodeType().toString().toLowerCase())
              + ".");
    }
    return items;
  }

  private static List<JsonNode> batches(
      MapState.Settings settings, List<JsonNode> selected, QueryScope scope) {
    if (settings.maxItemsPerBatch() == null && settings.maxInputBytesPerBatch() == null) {
      return selected;
    }
    int perBatch = (int) resolve(settings.maxItemsPerBatch(), scope, Integer.MAX_VALUE);
    long maxBytes =
        (long) resolve(settings.maxInputBytesPerBatch(), scope, PayloadLimits.MAX_BYTES);
    List<JsonNode> units = new ArrayList<>();
    ArrayNode current = null;
    long currentBytes = 0;
    for (JsonNode item : selected) {
      long size = PayloadLimits.size(item);
      if (current == null || current.size() >= perBatch || currentBytes + size > maxBytes) {
        current = AwsJson.MAPPER.createArrayNode();
        currentBytes = 0;
        ObjectNode batch = AwsJson.MAPPER.createObjectNode();
        if (settings.batchInput() != null) {
          batch.set("BatchInput", settings.batchInput());
        }
        batch.set("Items", current);
        units.add(batch);
      }
      current.add(item);
      currentBytes += size;
    }
    return units;
  }

  private static double resolve(NumberSource source, QueryScope scope, double fallback) {
    return source == null ? fallback : source.resolve(scope);
  }
}
