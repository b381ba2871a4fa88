package io.computecase.local.sfn.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.persistence.EngineSnapshot.ExecutionImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The finished children of Map Runs, one JSON line each, appended once as each ends (its history
 * lies in the history file). A snapshot says how much of this file it covers and lists only the
 * children not in it, so a snapshot of a Map Run of a million items does not write a million
 * children each time.
 */
final class ClosedChildLog implements AutoCloseable {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final Path file;
  private final FileChannel channel;
  private long end;

  /** Opens the log, cut to the {@code length} the last snapshot covered (0: none). */
  ClosedChildLog(Path file, long length) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      // Lines after what the snapshot covered belong to a run that did not reach a snapshot:
      // their children were restored from the snapshot's own images.
      channel.truncate(length);
      end = channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + file, e);
    }
  }

  /**
   * Appends a finished child and notes on it where its line ends, under the same lock as {@link
   * #forcedLength()}: a snapshot that covers the line sees the note.
   */
  void append(Execution child) throws IOException {
    byte[] line =
        (MAPPER.writeValueAsString(SnapshotCapture.image(child, null)) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        end += channel.write(buffer, end);
      }
      child.loggedUntil(end);
    }
  }

  /** How long the log is, forced to disk: what a snapshot written next may cover. */
  synchronized long forcedLength() throws IOException {
    channel.force(false);
    return end;
  }

  /**
   * Gives each child the first {@code length} bytes hold, one at a time, in the order they ended.
   */
  void forEach(long length, Consumer<ExecutionImage> child) {
    try {
      if (channel.size() < length) {
        throw new IOException(
            "it holds " + channel.size() + " bytes, the snapshot covers " + length);
      }
      channel.position(0);
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8),
              1 << 16);
      long read = 0;
      String line;
      while (read < length && (line = reader.readLine()) != null) {
        read += line.getBytes(StandardCharsets.UTF_8).length + 1;
        child.accept(MAPPER.readValue(line, ExecutionImage.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing after the final snapshot: nothing refers to more than was forced.
    }
  }
}
