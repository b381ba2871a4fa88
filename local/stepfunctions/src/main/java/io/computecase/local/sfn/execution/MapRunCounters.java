package io.computecase.local.sfn.execution;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One set of Map Run counters (for items or for child executions), as DescribeMapRun shows them.
 */
public final class MapRunCounters {
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong running = new AtomicLong();
  private final AtomicLong succeeded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong aborted = new AtomicLong();
  private final AtomicLong total = new AtomicLong();

  public void planned(long count) {
    total.addAndGet(count);
    pending.addAndGet(count);
  }

  public void started(long count) {
    pending.addAndGet(-count);
    running.addAndGet(count);
  }

  /** A running unit ended with the given status. */
  public void ended(long count, ExecutionStatus end) {
    running.addAndGet(-count);
    counterFor(end).addAndGet(count);
  }

  /** Units that never started because the run stopped. */
  public void abortPending() {
    long left = pending.getAndSet(0);
    aborted.addAndGet(left);
  }

  /** A redrive: what failed, timed out or was aborted waits to run again. */
  void redrive() {
    long again = failed.getAndSet(0) + timedOut.getAndSet(0) + aborted.getAndSet(0);
    pending.addAndGet(again);
  }

  /** Back to nothing planned: a resumed run counts its units again from their results. */
  public void reset() {
    for (AtomicLong counter :
        List.of(pending, running, succeeded, failed, timedOut, aborted, total)) {
      counter.set(0);
    }
  }

  /** Puts back counters read from a snapshot of a run that had ended. */
  void restore(
      long pendingCount,
      long runningCount,
      long succeededCount,
      long failedCount,
      long timedOutCount,
      long abortedCount,
      long totalCount) {
    pending.set(pendingCount);
    running.set(runningCount);
    succeeded.set(succeededCount);
    failed.set(failedCount);
    timedOut.set(timedOutCount);
    aborted.set(abortedCount);
    total.set(totalCount);
  }

  private AtomicLong counterFor(ExecutionStatus end) {
    if (end instanceof ExecutionStatus.Succeeded) {
      return succeeded;
    }
    if (end instanceof ExecutionStatus.TimedOut) {
      return timedOut;
    }
    if (end instanceof ExecutionStatus.Aborted) {
      return aborted;
    }
    return failed;
  }

  public long pending() {
    return pending.get();
  }

  public long running() {
    return running.get();
  }

  public long succeeded() {
    return succeeded.get();
  }

  public long failed() {
    return failed.get();
  }

  public long timedOut() {
    return timedOut.get();
  }

  public long aborted() {
    return aborted.get();
  }

  public long total() {
    return total.get();
  }
}
