package io.computecase.local.sfn.execution.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.PayloadLimits;
import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.map.reader.S3Items;
import io.computecase.local.sfn.execution.map.writer.ResultExport;
import io.computecase.local.sfn.integration.s3.ObjectStore;
import io.computecase.local.sfn.query.QueryException;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.MapItemReader;
import io.computecase.local.sfn.states.MapResultWriter;
import io.computecase.local.sfn.states.MapState;
import io.computecase.local.sfn.states.NumberSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * Prepares a Map state's work (the items, from the input or read from S3 by ItemReader, each
 * through ItemSelector, grouped by ItemBatcher) and runs it inline or as a Distributed Map Run.
 */
public final class MapIterations {
  private MapIterations() {}

  /**
   * Completes with the Map's result: the array of iteration outputs (or what ResultWriter says).
   */
  public static CompletableFuture<JsonNode> run(StateRun run, MapState map, ObjectStore s3) {
    MapState.Settings settings = map.settings();
    JsonNode filtered = run.pathInput();
    QueryScope scope = run.scope(filtered);
    ResultExport export = export(settings.resultWriter(), map, scope, s3);
    MapItemReader reader = settings.itemReader();
    if (reader == null) {
      JsonNode items = items(settings, map.fields().jsonata(), filtered, scope, run);
      List<JsonNode> selected = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        selected.add(select(run, map, filtered, items.get(i), i));
      }
      return start(run, map, scope, units(settings, selected::get, selected.size(), scope), export);
    }
    JsonNode arguments = arguments(reader.arguments(), map, scope, "Arguments");
    long maxItems = reader.maxItems() == null ? 0 : reader.maxItems().resolveCount(scope);
    var engine = run.frame().engine();
    // The object may be large: it is read on the pool for blocking calls, not the walk's.
    return CompletableFuture.supplyAsync(
            () -> S3Items.read(reader, arguments, maxItems, s3), engine.blockingExecutor())
        .exceptionallyCompose(
            failure ->
                CompletableFuture.failedFuture(
                    unwrap(failure) instanceof S3Items.Failure read
                        ? new StateFailure("States.ItemReaderFailed", read.getMessage())
                        : unwrap(failure)))
        .thenComposeAsync(
            read -> {
              IntFunction<JsonNode> item =
                  index -> select(run, map, filtered, read.get(index), index);
              return start(run, map, scope, units(settings, item, read.size(), scope), export);
            },
            engine.executor());
  }

  private static CompletableFuture<JsonNode> start(
      StateRun run, MapState map, QueryScope scope, MapUnits units, ResultExport export) {
    MapState.Settings settings = map.settings();
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
      return DistributedMapRun.run(run, map, units, maxConcurrency, percentage, count, export);
    }
    return InlineMapRun.run(run, map, units, maxConcurrency);
  }

  /** The item through ItemSelector (or the legacy Parameters), with $$.Map.Item set. */
  private static JsonNode select(
      StateRun run, MapState map, JsonNode filtered, JsonNode item, int index) {
    JsonNode selector =
        map.settings().itemSelector() != null
            ? map.settings().itemSelector()
            : map.fields().parameters();
    if (selector == null) {
      return item;
    }
    ObjectNode mapItem = AwsJson.MAPPER.createObjectNode();
    mapItem.put("Index", index);
    mapItem.set("Value", item);
    QueryScope itemScope = run.scope(filtered, null, mapItem);
    return map.fields().jsonata()
        ? Evaluation.jsonataTemplate(selector, itemScope, "ItemSelector")
        : Evaluation.payloadTemplate(selector, itemScope);
  }

  /** The export a ResultWriter with Resource asks for; null when there is none to make. */
  private static ResultExport export(
      MapResultWriter writer, MapState map, QueryScope scope, ObjectStore s3) {
    if (writer == null || !writer.exports()) {
      return null;
    }
    try {
      return ResultExport.of(writer, arguments(writer.arguments(), map, scope, "Arguments"), s3);
    } catch (ResultExport.Failure e) {
      throw new StateFailure("States.ResultWriterFailed", e.getMessage());
    }
  }

  /** Parameters (JSONPath) or Arguments (JSONata) of an ItemReader or ResultWriter, evaluated. */
  private static JsonNode arguments(
      JsonNode template, MapState map, QueryScope scope, String field) {
    return map.fields().jsonata()
        ? Evaluation.jsonataTemplate(template, scope, field)
        : Evaluation.payloadTemplate(template, scope);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
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

  private static MapUnits units(
      MapState.Settings settings, IntFunction<JsonNode> item, int itemTotal, QueryScope scope) {
    if (settings.maxItemsPerBatch() == null && settings.maxInputBytesPerBatch() == null) {
      return MapUnits.single(item, itemTotal);
    }
    int perBatch = (int) resolve(settings.maxItemsPerBatch(), scope, Integer.MAX_VALUE);
    long maxBytes =
        (long) resolve(settings.maxInputBytesPerBatch(), scope, PayloadLimits.MAX_BYTES);
    return MapUnits.batched(item, itemTotal, perBatch, maxBytes, settings.batchInput());
  }

  private static double resolve(NumberSource source, QueryScope scope, double fallback) {
    return source == null ? fallback : source.resolve(scope);
  }
}
