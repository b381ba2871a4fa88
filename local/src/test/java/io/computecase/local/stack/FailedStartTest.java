package io.computecase.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack that fails part-way through its start closes what it had opened: the data directory's
 * lock is released and its AWS services stop, so the next start on the same folder succeeds.
 */
class FailedStartTest {
  @TempDir Path dataDir;

  @Test
  void aStartThatFailsReleasesTheDataDirectoryAndItsServers() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () ->
                  EmbeddedStack.builder()
                      .dataDir(dataDir)
                      .kubernetesPort(taken.getLocalPort())
                      .runOperator(false)
                      .start())
          .isInstanceOf(RuntimeException.class);
    }

    try (EmbeddedStack again =
        EmbeddedStack.builder().dataDir(dataDir).runOperator(false).workers(0).start()) {
      assertThat(again.aws().stepFunctionsEndpoint()).isNotNull();
    }
  }
}
