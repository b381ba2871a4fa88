package io.computecase.local.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a case's report is written: the file asked for, {@code <case>.html} inside a folder asked
 * for, or a new temporary folder when nothing was asked. Checked before the case runs, so a path
 * that cannot be written fails at once rather than after a long case.
 */
public final class ReportDestination {
  private ReportDestination() {}

  /**
   * The report file for {@code caseName}; {@code requested} may be null, a file or a folder.
   *
   * @throws IllegalArgumentException when the path cannot hold a file, naming the part in the way
   */
  public static Path choose(Path requested, String caseName) throws IOException {
    String fileName = caseName + ".html";
    if (requested == null) {
      return Files.createTempDirectory("computecase-report-").resolve(fileName);
    }
    Path target = requested.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      return writableFolder(target).resolve(fileName);
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new IllegalArgumentException(
          "the report file " + target + " is not writable; give a writable file or folder");
    }
    Path ancestor = target.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor != null && !Files.isDirectory(ancestor)) {
      throw new IllegalArgumentException(
          "the report file "
              + target
              + " cannot be created: "
              + ancestor
              + " is a file, not a folder; give a file or folder path outside it");
    }
    if (ancestor != null) {
      writableFolder(ancestor);
    }
    return target;
  }

  private static Path writableFolder(Path folder) {
    if (!Files.isWritable(folder)) {
      throw new IllegalArgumentException(
          "the report folder " + folder + " is not writable; give a writable file or folder");
    }
    return folder;
  }
}
