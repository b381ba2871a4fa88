package io.computecase.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report goes to the file or folder asked for, or a new temporary folder; unusable paths fail
 * early.
 */
class ReportDestinationTest {
  @TempDir Path dir;

  @Test
  void withoutARequestTheReportGoesToANewTemporaryFolder() throws Exception {
    Path file = ReportDestination.choose(null, "demo-20");

    assertThat(file.getFileName()).hasToString("demo-20.html");
    assertThat(file.getParent()).isDirectory().isEmptyDirectory();
    assertThat(file.getParent().getFileName().toString()).startsWith("computecase-report-");
  }

  @Test
  void aFolderGetsTheCaseNamedFile() throws Exception {
    assertThat(ReportDestination.choose(dir, "demo-20"))
        .isEqualTo(dir.toAbsolutePath().resolve("demo-20.html"));
  }

  @Test
  void aFileInFoldersNotYetCreatedIsKeptAsAsked() throws Exception {
    Path requested = dir.resolve("a/b/report.html");

    assertThat(ReportDestination.choose(requested, "demo-20"))
        .isEqualTo(requested.toAbsolutePath());
  }

  @Test
  void aPathThroughAnExistingFileIsRefusedNamingThatFile() throws Exception {
    Path plainFile = Files.writeString(dir.resolve("notes.txt"), "not a folder");

    assertThatThrownBy(
            () -> ReportDestination.choose(plainFile.resolve("x/report.html"), "demo-20"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(plainFile.toAbsolutePath() + " is a file, not a folder");
  }
}
