package io.computecase.local.sfn.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The snapshot's file: written whole to a temporary file beside it, forced to disk and renamed over
 * it, so a crash leaves either the previous snapshot or the new one, never half of one.
 */
public final class SnapshotFile {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;

  public SnapshotFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  public boolean exists() {
    return Files.exists(file);
  }

  /** Replaces the file with this snapshot atomically. */
  void write(EngineSnapshot snapshot) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      MAPPER.writeValue(new NonClosing(out), snapshot);
      channel.force(true);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Reads the snapshot; a file that cannot be read or parsed fails with a message naming it, and is
   * left in place for the user to inspect or move away.
   */
  EngineSnapshot read() {
    EngineSnapshot snapshot;
    try {
      snapshot = MAPPER.readValue(file.toFile(), EngineSnapshot.class);
    } catch (IOException | RuntimeException e) {
      throw unreadable(e.getMessage());
    }
    if (snapshot == null || snapshot.format() != EngineSnapshot.FORMAT) {
      throw unreadable(
          "format "
              + (snapshot == null ? "missing" : snapshot.format())
              + ", expected "
              + EngineSnapshot.FORMAT);
    }
    return snapshot;
  }

  /** The error for a snapshot that is there but cannot be used. */
  public SnapshotException unreadable(String reason) {
    return new SnapshotException(
        "Cannot restore the Step Functions state from "
            + file.toAbsolutePath()
            + ": "
            + reason
            + ". The file was left as it is; move it away to start with an empty engine.");
  }

  /** Jackson closes the stream it writes; the channel must stay open to be forced to disk. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
