package io.computecase.local.kube.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.store.ResourceChange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One watch's backlog: held while its client does not read, in order, and ended past its bound. */
class WatchBacklogTest {

  /** A connection whose client reads only when told to; tasks run when the test says. */
  private static final class TestingWatchSink implements WatchSink {
    final Deque<Runnable> tasks = new ArrayDeque<>();
    final List<String> written = new ArrayList<>();
    boolean full;
    Runnable onDrained;
    int ends;

    @Override
    public String encode(ResourceChange change) {
      return change.object().path("metadata").path("name").asText();
    }

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    @Override
    public boolean backedUp() {
      return full;
    }

    @Override
    public void whenDrained(Runnable then) {
      onDrained = then;
    }

    @Override
    public void write(String event) {
      written.add(event);
    }

    @Override
    public void fail(int code, String reason, String message) {
      throw new AssertionError("a backlog never fails a watch");
    }

    @Override
    public void end() {
      ends++;
    }

    void runTasks() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }

    void clientReads() {
      full = false;
      Runnable then = onDrained;
      onDrained = null;
      if (then != null) {
        then.run();
      }
    }
  }

  private static ResourceChange change(String name) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.putObject("metadata").put("name", name);
    return new ResourceChange(
        ResourceChange.Type.ADDED, "/api/v1/namespaces/default/configmaps", object, 1);
  }

  @Test
  void missedEventsComeFirstThenLiveOnesInOrder() {
    TestingWatchSink sink = new TestingWatchSink();
    WatchBacklog backlog =
        new WatchBacklog(sink, List.of(change("old-1"), change("old-2")), 10, 1_000);

    backlog.start();
    assertThat(backlog.offer(change("new-1"))).isTrue();
    sink.runTasks();

    assertThat(sink.written).containsExactly("old-1", "old-2", "new-1");
  }

  @Test
  void eventsWaitWhileTheClientDoesNotReadAndFollowWhenItDoes() {
    TestingWatchSink sink = new TestingWatchSink();
    WatchBacklog backlog = new WatchBacklog(sink, List.of(), 10, 1_000);
    backlog.start();
    sink.runTasks();
    sink.full = true;

    backlog.offer(change("a"));
    backlog.offer(change("b"));
    sink.runTasks();
    assertThat(sink.written).isEmpty();

    sink.clientReads();
    assertThat(sink.written).containsExactly("a", "b");
    assertThat(backlog.peakChars()).isEqualTo(2);
  }

  @Test
  void aWatcherPastItsEventBoundIsEndedOnceAndFreed() {
    TestingWatchSink sink = new TestingWatchSink();
    WatchBacklog backlog = new WatchBacklog(sink, List.of(), 3, 1_000);
    backlog.start();
    sink.runTasks();
    sink.full = true;

    assertThat(backlog.offer(change("1"))).isTrue();
    assertThat(backlog.offer(change("2"))).isTrue();
    assertThat(backlog.offer(change("3"))).isTrue();
    assertThat(backlog.offer(change("4"))).isFalse();
    assertThat(backlog.offer(change("5"))).isTrue(); // already ended: takes nothing more
    sink.runTasks();
    sink.clientReads();

    assertThat(sink.ends).isEqualTo(1);
    assertThat(sink.written).isEmpty();
    assertThat(backlog.peakChars()).isEqualTo(3);
  }

  @Test
  void aWatcherPastItsCharacterBoundIsEnded() {
    TestingWatchSink sink = new TestingWatchSink();
    WatchBacklog backlog = new WatchBacklog(sink, List.of(), 100, 10);
    backlog.start();
    sink.runTasks();
    sink.full = true;

    assertThat(backlog.offer(change("12345"))).isTrue();
    assertThat(backlog.offer(change("67890"))).isTrue();
    assertThat(backlog.offer(change("x"))).isFalse();
    sink.runTasks();

    assertThat(sink.ends).isEqualTo(1);
    assertThat(backlog.peakChars()).isEqualTo(10);
  }

  @Test
  void aClosedWatchWritesNothingMore() {
    TestingWatchSink sink = new TestingWatchSink();
    WatchBacklog backlog = new WatchBacklog(sink, List.of(change("missed")), 10, 1_000);
    backlog.start();
    backlog.offer(change("live"));

    backlog.discard();
    sink.runTasks();

    assertThat(sink.written).isEmpty();
    assertThat(sink.ends).isZero();
  }
}
