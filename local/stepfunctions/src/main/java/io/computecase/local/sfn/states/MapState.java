package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.definition.Catcher;
import io.computecase.local.sfn.definition.NumberSource;
import io.computecase.local.sfn.definition.Retrier;
import io.computecase.local.sfn.definition.StateGraph;
import io.computecase.local.sfn.execution.MapIterations;
import io.computecase.local.sfn.execution.Recovery;
import io.computecase.local.sfn.execution.StateRun;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Map: runs its item processor once per item (or batch), inline in this execution or, in
 * DISTRIBUTED mode, as child executions of a Map Run.
 */
public final class MapState extends State {
  private final Settings settings;
  private final List<Retrier> retriers;
  private final List<Catcher> catchers;

  /** Everything a Map run needs besides the shared fields. */
  public record Settings(
      StateGraph processor,
      String processorDefinition,
      boolean distributed,
      String executionType,
      String itemsPath,
      JsonNode items,
      JsonNode itemSelector,
      NumberSource maxConcurrency,
      NumberSource toleratedFailurePercentage,
      NumberSource toleratedFailureCount,
      String label,
      NumberSource maxItemsPerBatch,
      NumberSource maxInputBytesPerBatch,
      JsonNode batchInput) {}

  public MapState(
      StateFields fields, Settings settings, List<Retrier> retriers, List<Catcher> catchers) {
    super(fields);
    this.settings = settings;
    this.retriers = List.copyOf(retriers);
    this.catchers = List.copyOf(catchers);
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    return Recovery.run(
        run, retriers, catchers, () -> MapIterations.run(run, this).thenApply(run::finish));
  }

  public List<Catcher> catchers() {
    return catchers;
  }
}
