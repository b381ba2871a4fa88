package io.computecase.local.sfn.execution.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An append-only file where the histories of finished Map Run children go, so that a million
 * finished children do not keep a million histories on the heap. Each history is written once, as
 * one compressed record, and read back by its offset when GetExecutionHistory asks for it.
 */
public final class HistorySpill implements AutoCloseable {
  private final Path file;
  private final boolean durable;
  private final FileChannel channel;
  private final AtomicLong end;

  private HistorySpill(Path file, boolean durable) {
    this.file = file;
    this.durable = durable;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      this.channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      // After a restart, new records go after those a snapshot may still refer to.
      this.end = new AtomicLong(channel.size());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the history file " + file, e);
    }
  }

  /** A file that outlives the engine (in its data directory): snapshots may refer to it. */
  public static HistorySpill durable(Path file) {
    return new HistorySpill(file, true);
  }

  /** A temporary file, deleted when the engine closes. */
  public static HistorySpill temporary() {
    try {
      Path file = Files.createTempFile("sfn-histories-", ".bin");
      file.toFile().deleteOnExit();
      return new HistorySpill(file, false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary history file", e);
    }
  }

  /** Whether records here survive a restart, so a snapshot may refer to them. */
  public boolean durable() {
    return durable;
  }

  public Path file() {
    return file;
  }

  /** Appends one record and returns its offset. */
  long write(byte[] record) throws IOException {
    long offset = end.getAndAdd(record.length);
    ByteBuffer buffer = ByteBuffer.wrap(record);
    long position = offset;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    return offset;
  }

  /** Reads back the record written at {@code offset}. */
  byte[] read(long offset, int length) {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    try {
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, offset + buffer.position());
        if (read < 0) {
          throw new IOException("the file ends at " + channel.size() + " bytes");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read a history at " + offset + " from " + file + ": " + e.getMessage(), e);
    }
    return buffer.array();
  }

  /** Forces what was written to disk: a snapshot that refers to it is written next. */
  public void force() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() {
    try {
      channel.close();
      if (!durable) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Closing: a temporary file left behind is deleted on exit.
    }
  }
}
