package io.computecase.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS ports a data directory remembers, so endpoints and queue URLs survive a restart. */
class AwsPortsTest {
  @TempDir Path dataDir;

  @Test
  void freePortsChosenOnceAreReusedOnTheNextStart() {
    AwsPorts first = AwsPorts.remembered(dataDir, 0);
    AwsPorts second = AwsPorts.remembered(dataDir, 0);
    assertThat(second).isEqualTo(first);
    assertThat(first.stepFunctions()).isPositive();
  }

  @Test
  void anExplicitBasePortWinsAndIsRememberedInstead() {
    AwsPorts.remembered(dataDir, 0);
    assertThat(AwsPorts.remembered(dataDir, 45100))
        .isEqualTo(new AwsPorts(45100, 45101, 45102, 45103));
    assertThat(AwsPorts.remembered(dataDir, 0)).isEqualTo(new AwsPorts(45100, 45101, 45102, 45103));
  }

  @Test
  void aDirectoryFromBeforeS3KeepsItsPortsAndRemembersANewOneForS3() throws Exception {
    Files.writeString(
        dataDir.resolve(AwsPorts.FILE_NAME), "stepfunctions=45200\neventbridge=45201\nsqs=45202\n");

    AwsPorts ports = AwsPorts.remembered(dataDir, 0);

    assertThat(ports.stepFunctions()).isEqualTo(45200);
    assertThat(ports.events()).isEqualTo(45201);
    assertThat(ports.sqs()).isEqualTo(45202);
    assertThat(ports.s3()).isPositive();
    assertThat(AwsPorts.remembered(dataDir, 0)).isEqualTo(ports);
  }

  @Test
  void anUnreadableFileIsNamedWithTheFix() throws Exception {
    Path file = dataDir.resolve(AwsPorts.FILE_NAME);
    Files.writeString(file, "stepfunctions=not-a-port\n");
    IllegalStateException failure =
        catchThrowableOfType(() -> AwsPorts.remembered(dataDir, 0), IllegalStateException.class);
    assertThat(failure.getMessage())
        .contains(file.toAbsolutePath().toString())
        .contains("delete it to choose new ports");
    assertThat(Files.readString(file)).isEqualTo("stepfunctions=not-a-port\n");
  }
}
