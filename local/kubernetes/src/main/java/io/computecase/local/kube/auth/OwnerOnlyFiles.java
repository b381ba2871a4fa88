package io.computecase.local.kube.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes credentials (the token, the serving key, kubeconfigs) readable by their owner only. The
 * file is created at mode 0600 and renamed into place, so there is never a moment when it exists
 * with the umask's wider mode, and a reader never sees half a file.
 */
public final class OwnerOnlyFiles {

  private OwnerOnlyFiles() {}

  public static Path write(Path file, String contents) {
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    try {
      Files.createDirectories(parent);
      Path temporary;
      try {
        temporary =
            Files.createTempFile(
                parent,
                "." + absolute.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its own permissions apply
        temporary = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
      }
      try {
        Files.writeString(temporary, contents, StandardCharsets.UTF_8);
        Files.move(
            temporary,
            absolute,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
