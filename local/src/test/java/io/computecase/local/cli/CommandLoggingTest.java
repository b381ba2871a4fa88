package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a command's log file goes, and that only its user can read it (it names task tokens). */
class CommandLoggingTest {
  @TempDir Path tmp;

  @Test
  void aDataDirectoryHoldsTheLogOnlyItsOwnerReads() throws Exception {
    Path dataDir = tmp.resolve("data");

    Path log = CommandLogging.logFile(List.of("up", "--data-dir", dataDir.toString()));

    assertThat(log).isEqualTo(dataDir.resolve("computecase-local.log"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .isEqualTo("rw-------");
  }

  @Test
  void aLogLeftReadableByAnEarlierVersionIsNarrowed() throws Exception {
    Path log = Files.createFile(tmp.resolve("computecase-local.log"));
    Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

    CommandLogging.logFile(List.of("up", "--data-dir=" + tmp));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .isEqualTo("rw-------");
  }

  @Test
  void withoutADataDirectoryTheLogIsANewOwnerOnlyFile() throws Exception {
    Path log = CommandLogging.logFile(List.of("demo"));
    try {
      assertThat(log.getFileName().toString()).startsWith("computecase-local-demo-");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
          .isEqualTo("rw-------");
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
