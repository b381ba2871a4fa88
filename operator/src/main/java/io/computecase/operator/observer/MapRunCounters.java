package io.computecase.operator.observer;

import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.MapRunItemCounts;

/** A Map Run's identity, item counters and current MaxConcurrency. */
public record MapRunCounters(
    String mapRunArn,
    long total,
    long pending,
    long running,
    long succeeded,
    long failed,
    long timedOut,
    long aborted,
    int maxConcurrency) {

  static MapRunCounters of(DescribeMapRunResponse mapRun) {
    MapRunItemCounts c = mapRun.itemCounts();
    return new MapRunCounters(
        mapRun.mapRunArn(),
        n(c.total()),
        n(c.pending()),
        n(c.running()),
        n(c.succeeded()),
        n(c.failed()),
        n(c.timedOut()),
        n(c.aborted()),
        mapRun.maxConcurrency() == null ? 0 : mapRun.maxConcurrency());
  }

  /** Items that ended without success, whichever way. */
  public long unsuccessful() {
    return failed + timedOut + aborted;
  }

  private static long n(Long value) {
    return value == null ? 0 : value;
  }
}
