package io.computecase.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One stack at a time on a data directory: an OS file lock on {@code DIR/.lock}, which names the
 * holding process, so a second {@code up} says who holds the folder instead of failing deep in a
 * database with a stack trace. The OS drops the lock when the process ends, however it ends.
 */
final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the folder (creating it, readable by this user only); fails naming the holder. */
  static DataDirLock take(Path dir) {
    try {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its own permissions apply
      }
      Path file = dir.resolve(".lock");
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very JVM
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new IllegalArgumentException(
            "--data-dir "
                + dir
                + " is in use by "
                + (holder.isEmpty() ? "another process" : holder)
                + ": stop that stack first, or give another folder");
      }
      channel.truncate(0);
      ProcessHandle self = ProcessHandle.current();
      String command =
          self.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("java");
      channel.write(
          ByteBuffer.wrap(
              ("process " + self.pid() + " (" + command + ")").getBytes(StandardCharsets.UTF_8)),
          0);
      channel.force(false);
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot lock the data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the OS releases it with the process anyway
    }
  }
}
