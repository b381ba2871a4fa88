package io.computecase.local.sfn.execution.timers;

import java.time.Clock;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every delay the engine needs (Wait states, retries, task timeouts and heartbeats) on one thread,
 * driven by the injected clock: a timer fires when the clock reaches its due time, whether the
 * clock is real or a test's clock that is advanced by hand (which calls {@link #wake()}).
 */
public final class Timers implements AutoCloseable {
  private final Clock clock;
  private final Executor executor;
  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;

  public Timers(Clock clock, Executor executor) {
    this.clock = clock;
    this.executor = executor;
    this.thread = new Thread(this::loop, "sfn-timers");
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs the action on the engine's executor once the clock reaches dueMillis. */
  public Timer schedule(long dueMillis, Runnable action) {
    Timer timer = new Timer(dueMillis, sequence.incrementAndGet(), action);
    synchronized (queue) {
      queue.add(timer);
      if (queue.peek() == timer) {
        queue.notifyAll();
      }
    }
    return timer;
  }

  /** Re-checks due timers now: the clock moved (a test advanced it). */
  public void wake() {
    synchronized (queue) {
      queue.notifyAll();
    }
  }

  private void loop() {
    while (!closed) {
      Timer due = null;
      synchronized (queue) {
        Timer head = queue.peek();
        long now = clock.millis();
        if (head == null) {
          waitQuietly(1000);
        } else if (head.cancelled) {
          queue.poll();
        } else if (head.dueMillis <= now) {
          due = queue.poll();
        } else {
          // A real clock gets there by waiting; a test clock wakes us when advanced.
          waitQuietly(Math.min(head.dueMillis - now, 1000));
        }
      }
      if (due != null) {
        Timer fired = due;
        executor.execute(
            () -> {
              Runnable action = fired.action;
              if (!fired.cancelled && action != null) {
                action.run();
              }
            });
      }
    }
  }

  private void waitQuietly(long millis) {
    try {
      queue.wait(Math.max(1, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }

  /**
   * A scheduled action; cancelling is cheap and leaves it to be dropped when it comes due. A
   * cancelled timer lets go of its action at once: a task's timeout, cancelled when the task ends,
   * would otherwise keep the task and its execution until the timeout's due time.
   */
  public static final class Timer implements Comparable<Timer> {
    private final long dueMillis;
    private final long sequence;
    private volatile Runnable action;
    private volatile boolean cancelled;

    private Timer(long dueMillis, long sequence, Runnable action) {
      this.dueMillis = dueMillis;
      this.sequence = sequence;
      this.action = action;
    }

    public void cancel() {
      cancelled = true;
      action = null;
    }

    @Override
    public int compareTo(Timer other) {
      int byDue = Long.compare(dueMillis, other.dueMillis);
      return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
  }
}
