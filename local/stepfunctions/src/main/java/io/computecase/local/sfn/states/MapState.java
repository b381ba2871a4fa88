package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Map: runs its item processor once per item (or batch), inline in this execution or, in
 * DISTRIBUTED mode, as child executions of a Map Run.
 */
public record MapState(
    StateFields fields, Settings settings, List<Retrier> retriers, List<Catcher> catchers)
    implements State {

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
      JsonNode batchInput,
      MapItemReader itemReader,
      MapResultWriter resultWriter) {}

  public MapState {
    retriers = List.copyOf(retriers);
    catchers = List.copyOf(catchers);
  }

  @Override
  public <R, A> R accept(StateVisitor<R, A> visitor, A argument) {
    return visitor.map(this, argument);
  }

  @Override
  public List<StateGraph> subgraphs() {
    return settings.processor() == null ? List.of() : List.of(settings.processor());
  }
}
