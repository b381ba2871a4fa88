package io.computecase.operator.execution;

import io.computecase.api.v1alpha1.CostEstimate;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Estimates a case's AWS usage from its item count, for the asl/ state machine: the parent walks 4
 * transitions (start, Map, Summarize, PublishCompletion); each item's child execution 2 (start,
 * DispatchItem); one event per item plus the summary; per item one SQS send and a tenth of a
 * batched receive and delete; and the S3 requests around the Map: staging the items (one PUT), or
 * for a user's object the operator's preflight reading it (one GET), the ItemReader reading them
 * (one GET), the ResultWriter writing the results (about 1 KiB per item, in 5 MiB parts, one PUT
 * each) and the manifest (one PUT), and the operator reading the manifest and the SUCCEEDED file
 * back (two GETs).
 */
public final class CostEstimator {
  /** US East list prices: per state transition, per event, per SQS request, per S3 request. */
  static final BigDecimal TRANSITION_USD = new BigDecimal("0.000025");

  static final BigDecimal EVENT_USD = new BigDecimal("0.000001");
  static final BigDecimal SQS_REQUEST_USD = new BigDecimal("0.0000004");
  static final BigDecimal S3_PUT_USD = new BigDecimal("0.000005");
  static final BigDecimal S3_GET_USD = new BigDecimal("0.0000004");

  /** Items whose results fill one 5 MiB part, at about 1 KiB per item's result entry. */
  static final long ITEMS_PER_RESULT_PART = 5 * 1024;

  static final String BASIS =
      "us-east-1 list prices: Step Functions Standard $0.025 per 1,000"
          + " state transitions, EventBridge $1.00 per million custom events, SQS $0.40 per million"
          + " requests, S3 Standard $0.005 per 1,000 PUT and $0.0004 per 1,000 GET requests"
          + " (storage not counted); free tiers not deducted; every item succeeding at its first"
          + " attempt (each retry adds 3 state transitions, 1 event and about 1.2 SQS requests)";

  private CostEstimator() {}

  /** The estimate for items the operator stages in S3. */
  public static CostEstimate estimate(long items) {
    return estimate(items, true);
  }

  /**
   * The estimate for this many items.
   *
   * @param staged whether the operator stages them (one PUT), or they are a user's S3 object that
   *     its preflight reads (one GET)
   */
  public static CostEstimate estimate(long items, boolean staged) {
    long transitions = 4 + 2 * items;
    long events = items + 1;
    long sqs = items + 2 * ((items + 9) / 10);
    long resultParts = Math.max(1, (items + ITEMS_PER_RESULT_PART - 1) / ITEMS_PER_RESULT_PART);
    long s3Puts = (staged ? 1 : 0) + resultParts + 1;
    long s3Gets = (staged ? 0 : 1) + 1 + 2;
    BigDecimal cost =
        TRANSITION_USD
            .multiply(BigDecimal.valueOf(transitions))
            .add(EVENT_USD.multiply(BigDecimal.valueOf(events)))
            .add(SQS_REQUEST_USD.multiply(BigDecimal.valueOf(sqs)))
            .add(S3_PUT_USD.multiply(BigDecimal.valueOf(s3Puts)))
            .add(S3_GET_USD.multiply(BigDecimal.valueOf(s3Gets)))
            .setScale(6, RoundingMode.HALF_UP);
    CostEstimate estimate = new CostEstimate();
    estimate.setStateTransitions(transitions);
    estimate.setEvents(events);
    estimate.setSqsRequests(sqs);
    estimate.setS3Requests(s3Puts + s3Gets);
    estimate.setCostUsd(cost.toPlainString());
    estimate.setBasis(BASIS);
    return estimate;
  }
}
