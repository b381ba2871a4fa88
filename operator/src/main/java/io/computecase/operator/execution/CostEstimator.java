package io.computecase.operator.execution;

import io.computecase.api.v1alpha1.CostEstimate;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Estimates a case's AWS usage from its item count, for the asl/ state machine: the parent walks 4
 * transitions (start, Map, Summarize, PublishCompletion); each item's child execution 2 (start,
 * DispatchItem); one event per item plus the summary; per item one SQS send and a tenth of a
 * batched receive and delete.
 */
public final class CostEstimator {
  /** US East list prices: per state transition, per event, per SQS request. */
  static final BigDecimal TRANSITION_USD = new BigDecimal("0.000025");

  static final BigDecimal EVENT_USD = new BigDecimal("0.000001");
  static final BigDecimal SQS_REQUEST_USD = new BigDecimal("0.0000004");
  static final String BASIS =
      "us-east-1 list prices: Step Functions Standard $0.025 per 1,000"
          + " state transitions, EventBridge $1.00 per million custom events, SQS $0.40 per million"
          + " requests; free tiers not deducted; every item succeeding at its first attempt (each"
          + " retry adds 3 state transitions, 1 event and about 1.2 SQS requests)";

  private CostEstimator() {}

  public static CostEstimate estimate(long items) {
    long transitions = 4 + 2 * items;
    long events = items + 1;
    long sqs = items + 2 * ((items + 9) / 10);
    BigDecimal cost =
        TRANSITION_USD
            .multiply(BigDecimal.valueOf(transitions))
            .add(EVENT_USD.multiply(BigDecimal.valueOf(events)))
            .add(SQS_REQUEST_USD.multiply(BigDecimal.valueOf(sqs)))
            .setScale(6, RoundingMode.HALF_UP);
    CostEstimate estimate = new CostEstimate();
    estimate.setStateTransitions(transitions);
    estimate.setEvents(events);
    estimate.setSqsRequests(sqs);
    estimate.setCostUsd(cost.toPlainString());
    estimate.setBasis(BASIS);
    return estimate;
  }
}
