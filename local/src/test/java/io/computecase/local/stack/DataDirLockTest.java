package io.computecase.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory serves one stack at a time, and a second is told which process holds it. */
class DataDirLockTest {
  @TempDir Path tmp;

  @Test
  void aSecondStackOnTheFolderIsToldWhoHoldsIt() throws Exception {
    Path dir = tmp.resolve("data");
    try (DataDirLock held = DataDirLock.take(dir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
      assertThatThrownBy(() -> DataDirLock.take(dir))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "--data-dir " + dir + " is in use by process " + ProcessHandle.current().pid())
          .hasMessageEndingWith("stop that stack first, or give another folder");
    }
    DataDirLock.take(dir).close(); // free again once the first let go
  }
}
