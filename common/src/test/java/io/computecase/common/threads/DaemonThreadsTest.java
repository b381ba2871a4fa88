package io.computecase.common.threads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DaemonThreadsTest {
  @Test
  void threadsAreDaemonsNumberedUnderTheirPrefix() throws Exception {
    DaemonThreads threads = new DaemonThreads("computecase-poller-w1");

    Thread first = threads.newThread(() -> {});
    Thread second = threads.start(() -> {});
    second.join();

    assertThat(first.getName()).isEqualTo("computecase-poller-w1-1");
    assertThat(second.getName()).isEqualTo("computecase-poller-w1-2");
    assertThat(first.isDaemon()).isTrue();
    assertThat(second.isDaemon()).isTrue();
  }
}
