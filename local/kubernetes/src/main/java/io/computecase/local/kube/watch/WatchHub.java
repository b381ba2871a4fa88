package io.computecase.local.kube.watch;

import io.computecase.local.kube.store.ResourceChange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed changes out to open watches. Keeps the current objects and a bounded history so a
 * watch can start at a resourceVersion (as kubectl and informers do after a list) without gaps.
 * Each watch has a bounded backlog: one whose client stops reading is ended, never buffered without
 * end, and never slows writers or other watches.
 */
public final class WatchHub {

  private static final Logger LOG = LoggerFactory.getLogger(WatchHub.class);

  // Objects can be large (a case may carry its items), so history is short; a watch older than it
  // gets 410 Gone and relists, as informers do against a real API server.
  private static final int HISTORY = 1_000;

  /** Events one watcher may fall behind before its watch is ended (kube-apiserver's is ~1,000). */
  public static final int DEFAULT_BACKLOG_EVENTS = 1_000;

  /** Characters of events one watcher may fall behind: the memory a stuck client can hold. */
  public static final long DEFAULT_BACKLOG_CHARS = 32L * 1024 * 1024;

  private final Deque<ResourceChange> history = new ArrayDeque<>();
  private final Map<String, ResourceChange> current = new LinkedHashMap<>();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final int backlogEvents;
  private final long backlogChars;
  private long oldestRetained = 0;
  private long peakBacklogChars;
  private long endedForLag;

  public WatchHub() {
    this(DEFAULT_BACKLOG_EVENTS, DEFAULT_BACKLOG_CHARS);
  }

  /**
   * A hub whose watchers may each fall {@code events} events or {@code chars} characters behind.
   */
  public WatchHub(int events, long chars) {
    if (events < 1 || chars < 1) {
      throw new IllegalArgumentException(
          "a watch backlog holds at least one event, got "
              + events
              + " events, "
              + chars
              + " chars");
    }
    this.backlogEvents = events;
    this.backlogChars = chars;
  }

  /** An open watch; close it when the client goes away. */
  public final class Subscription implements AutoCloseable {
    private final WatchRequest request;
    private final WatchBacklog backlog;

    private Subscription(WatchRequest request, WatchBacklog backlog) {
      this.request = request;
      this.backlog = backlog;
    }

    @Override
    public void close() {
      subscriptions.remove(this);
      backlog.discard();
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
      if (!subscription.request.matches(change)) {
        continue;
      }
      boolean kept = subscription.backlog.offer(change);
      peakBacklogChars = Math.max(peakBacklogChars, subscription.backlog.peakChars());
      if (!kept) {
        subscriptions.remove(subscription);
        endedForLag++;
        LOG.info(
            "Ended a watch of {}: its client fell {} events or {} characters behind; it watches"
                + " again from its last resourceVersion",
            subscription.request.path().collectionPath(),
            backlogEvents,
            backlogChars);
      }
    }
  }

  /** Opens a watch: replays what it missed (or the current state), then streams live changes. */
  public synchronized Subscription subscribe(WatchRequest request, WatchSink sink) {
    List<ResourceChange> missed = new ArrayList<>();
    if (request.startsWithCurrentState()) {
      current.values().stream()
          .filter(request::matches)
          .forEach(
              change ->
                  missed.add(
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
        return failed(
            request,
            sink,
            400,
            "BadRequest",
            "resourceVersion must be a number, got \""
                + request.fromVersion()
                + "\"; list first and watch from the list's resourceVersion");
      }
      if (from < oldestRetained) {
        return failed(
            request,
            sink,
            410,
            "Expired",
            "too old resource version: " + from + " (" + oldestRetained + ")");
      }
      history.stream()
          .filter(change -> change.resourceVersion() > from && request.matches(change))
          .forEach(missed::add);
    }
    Subscription subscription =
        new Subscription(request, new WatchBacklog(sink, missed, backlogEvents, backlogChars));
    subscriptions.add(subscription);
    subscription.backlog.start();
    return subscription;
  }

  private Subscription failed(
      WatchRequest request, WatchSink sink, int code, String reason, String message) {
    sink.execute(() -> sink.fail(code, reason, message));
    WatchBacklog none = new WatchBacklog(sink, List.of(), backlogEvents, backlogChars);
    none.discard();
    return new Subscription(request, none);
  }

  /** Watches open now. */
  public int openWatches() {
    return subscriptions.size();
  }

  /** The most characters of live events any one watch has had waiting for its client. */
  public synchronized long peakBacklogChars() {
    return peakBacklogChars;
  }

  /** Watches ended because their clients fell too far behind. */
  public synchronized long watchesEndedForLag() {
    return endedForLag;
  }
}
