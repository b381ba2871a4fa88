package io.computecase.operator.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Every succeeded item's duration of a finished execution, read from the output of its Map state
 * ({request, durations}, one number per item) in the execution's history. The parent history of a
 * Distributed Map holds about 15 events, so one page read newest first finds it.
 */
public final class ItemDurations {
  static final String MAP_STATE = "ComputeItems";
  private static final Logger LOG = LoggerFactory.getLogger(ItemDurations.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int PAGE = 50;
  private final SfnClient sfn;

  public ItemDurations(SfnClient sfn) {
    this.sfn = sfn;
  }

  /**
   * Durations in milliseconds; empty when the Map did not finish (e.g. too many failures) or the
   * history cannot be read: a metric is not worth failing the case's reconcile for.
   */
  public List<Double> millis(String executionArn) {
    List<HistoryEvent> events;
    try {
      events =
          sfn.getExecutionHistory(
                  r ->
                      r.executionArn(executionArn)
                          .reverseOrder(true)
                          .maxResults(PAGE)
                          .includeExecutionData(true))
              .events();
    } catch (SdkException e) {
      LOG.warn(
          "No item durations for {}: GetExecutionHistory failed ({}); the operator's role needs"
              + " states:GetExecutionHistory",
          executionArn,
          e.getMessage());
      return List.of();
    }
    return events.stream()
        .filter(e -> e.type() == HistoryEventType.MAP_STATE_EXITED)
        .filter(e -> MAP_STATE.equals(e.stateExitedEventDetails().name()))
        .findFirst()
        .map(e -> numbers(e.stateExitedEventDetails().output()))
        .orElse(List.of());
  }

  private static List<Double> numbers(String mapOutput) {
    List<Double> durations = new ArrayList<>();
    try {
      // failed items leave null in the Map's result; only numbers are durations
      for (JsonNode d : MAPPER.readTree(mapOutput == null ? "{}" : mapOutput).path("durations")) {
        if (d.isNumber()) {
          durations.add(d.asDouble());
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return durations;
  }
}
