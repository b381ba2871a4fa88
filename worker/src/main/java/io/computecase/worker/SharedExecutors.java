package io.computecase.worker;

import io.computecase.common.threads.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads every worker in one JVM shares, so several in-process workers with a thousand items
 * in flight cost a handful of threads: one scheduler for timers, a pool for the blocking AWS calls
 * of answers, a smaller one for keeping messages hidden and tasks alive, and a cores-sized pool for
 * CPU-bound computations. Counted by its users; the last worker to stop shuts them down.
 */
final class SharedExecutors {
  private static final int CALLBACK_THREADS = 64;
  private static final int UPKEEP_THREADS = 8;
  private static SharedExecutors current;
  private static int users;

  final ScheduledThreadPoolExecutor scheduler;
  final ThreadPoolExecutor callbacks;
  final ThreadPoolExecutor upkeep;
  final ExecutorService cpu;

  private SharedExecutors() {
    scheduler = new ScheduledThreadPoolExecutor(2, new DaemonThreads("computecase-timer"));
    scheduler.setRemoveOnCancelPolicy(true);
    callbacks =
        new ThreadPoolExecutor(
            CALLBACK_THREADS,
            CALLBACK_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DaemonThreads("computecase-callback"));
    callbacks.allowCoreThreadTimeOut(true);
    // Visibility extensions and heartbeats must not queue behind a backlog of answers, or the
    // backlog itself would let messages reappear and tasks time out.
    upkeep =
        new ThreadPoolExecutor(
            UPKEEP_THREADS,
            UPKEEP_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DaemonThreads("computecase-upkeep"));
    upkeep.allowCoreThreadTimeOut(true);
    int cores = Runtime.getRuntime().availableProcessors();
    ThreadPoolExecutor cpuPool =
        new ThreadPoolExecutor(
            cores,
            cores,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new DaemonThreads("computecase-cpu"));
    cpuPool.allowCoreThreadTimeOut(true);
    cpu = cpuPool;
  }

  static synchronized SharedExecutors acquire() {
    if (current == null) {
      current = new SharedExecutors();
    }
    users++;
    return current;
  }

  static synchronized void release(SharedExecutors executors) {
    if (executors == current && --users == 0) {
      current = null;
      executors.scheduler.shutdownNow();
      executors.callbacks.shutdown();
      executors.upkeep.shutdown();
      executors.cpu.shutdownNow();
    }
  }

  int callbackThreads() {
    return CALLBACK_THREADS + UPKEEP_THREADS;
  }
}
