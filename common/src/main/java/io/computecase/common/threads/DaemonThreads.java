package io.computecase.common.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code <prefix>-<n>}: the one thread factory of the operator and the worker,
 * for their pools and their long-running loops. Daemon, so that none of them keeps a JVM alive
 * after its owner forgot to stop it.
 */
public final class DaemonThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  public DaemonThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  /** Starts {@code task} on a new thread of this factory. */
  public Thread start(Runnable task) {
    Thread thread = newThread(task);
    thread.start();
    return thread;
  }
}
