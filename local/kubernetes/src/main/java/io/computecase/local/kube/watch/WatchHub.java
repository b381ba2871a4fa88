package io.computecase.local.kube.watch;

import io.computecase.local.kube.store.ResourceChange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans committed changes out to open watches. Keeps the current objects and a bounded history so a
 * watch can start at a resourceVersion (as kubectl and informers do after a list) without gaps.
 */
public final class WatchHub {

  // Objects can be large (a case may carry its items), so history is short; a watch older than it
  // gets 410 Gone and relists, as informers do against a real API server.
  private static final int HISTORY = 1_000;

  private final Deque<ResourceChange> history = new ArrayDeque<>();
  private final Map<String, ResourceChange> current = new LinkedHashMap<>();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private long oldestRetained = 0;

  /** An open watch; close it when the client goes away. */
  public final class Subscription implements AutoCloseable {
    private final WatchRequest request;
    private final WatchSink sink;

    private Subscription(WatchRequest request, WatchSink sink) {
      this.request = request;
      this.sink = sink;
    }

    @Override
    public void close() {
      subscriptions.remove(this);
    }
  }

  public synchronized void publish(ResourceChange change) {
    String key =
        change.collectionPath() + "/" + change.object().path("metadata").path("name").asText();
    if (change.type() == ResourceChange.Type.DELETED) {
      current.remove(key);
    } else {
      current.put(key, change);
    }
    history.addLast(change);
    if (history.size() > HISTORY) {
      oldestRetained = history.removeFirst().resourceVersion();
    }
    for (Subscription subscription : subscriptions) {
      if (subscription.request.matches(change)) {
        subscription.sink.send(change);
      }
    }
  }

  /** Opens a watch: replays what it missed (or the current state), then streams live changes. */
  public synchronized Subscription subscribe(WatchRequest request, WatchSink sink) {
    Subscription subscription = new Subscription(request, sink);
    if (request.startsWithCurrentState()) {
      current.values().stream()
          .filter(request::matches)
          .forEach(
              change ->
                  sink.send(
                      new ResourceChange(
                          ResourceChange.Type.ADDED,
                          change.collectionPath(),
                          change.object(),
                          change.resourceVersion())));
    } else {
      long from;
      try {
        from = Long.parseLong(request.fromVersion());
      } catch (NumberFormatException e) {
        sink.fail(
            400,
            "BadRequest",
            "resourceVersion must be a number, got \""
                + request.fromVersion()
                + "\"; list first and watch from the list's resourceVersion");
        return subscription;
      }
      if (from < oldestRetained) {
        sink.fail(
            410, "Expired", "too old resource version: " + from + " (" + oldestRetained + ")");
        return subscription;
      }
      history.stream()
          .filter(change -> change.resourceVersion() > from && request.matches(change))
          .forEach(sink::send);
    }
    subscriptions.add(subscription);
    return subscription;
  }
}
