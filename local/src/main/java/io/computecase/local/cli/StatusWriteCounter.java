package io.computecase.local.cli;

import io.computecase.api.v1alpha1.ComputeCase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the writes to ComputeCases that an API server sees while a benchmark runs, through a watch
 * as any client would: with specs unchanged, every modification is the operator's.
 */
final class StatusWriteCounter implements AutoCloseable {
  private final AtomicLong modifications = new AtomicLong();
  private final Watch watch;

  private final String ignored;

  /**
   * Counts writes to every ComputeCase of {@code namespace} except those whose name starts with
   * {@code ignored}.
   */
  StatusWriteCounter(KubernetesClient client, String namespace, String ignored) {
    this.ignored = ignored;
    watch =
        client
            .resources(ComputeCase.class)
            .inNamespace(namespace)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ComputeCase resource) {
                    if (action == Action.MODIFIED
                        && !resource.getMetadata().getName().startsWith(ignored)) {
                      modifications.incrementAndGet();
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
  }

  long writes() {
    return modifications.get();
  }

  @Override
  public void close() {
    watch.close();
  }
}
