package io.computecase.local.events.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * The EventBridge API with its buses, rules, targets and tags kept in a data directory: restored at
 * start, written (temporary file, then an atomic rename) after each change that succeeded.
 */
public final class PersistentRegistry implements AwsJsonService {
  /** The snapshot's file name in the data directory. */
  public static final String FILE_NAME = "eventbridge-state.json";

  private static final Set<String> CHANGES =
      Set.of(
          "CreateEventBus",
          "DeleteEventBus",
          "PutRule",
          "DeleteRule",
          "EnableRule",
          "DisableRule",
          "PutTargets",
          "RemoveTargets",
          "TagResource",
          "UntagResource");

  private final AwsJsonService api;
  private final Path file;

  private PersistentRegistry(AwsJsonService api, Path file) {
    this.api = api;
    this.file = file;
  }

  /** Restores the directory's snapshot (if any) into the fresh API and keeps it up to date. */
  public static PersistentRegistry open(AwsJsonService api, Path dataDirectory) {
    Path file = dataDirectory.resolve(FILE_NAME);
    PersistentRegistry registry = new PersistentRegistry(api, file);
    if (Files.exists(file)) {
      JsonNode snapshot;
      try {
        snapshot = AwsJson.MAPPER.readTree(file.toFile());
        if (snapshot == null || !snapshot.isObject()) {
          throw registry.unreadable("the file holds no JSON object");
        }
      } catch (IOException e) {
        throw registry.unreadable(e.getMessage());
      }
      try {
        RegistrySnapshot.restore(api, snapshot, registry::unreadable);
      } catch (IllegalStateException e) {
        throw e;
      } catch (RuntimeException e) {
        throw registry.unreadable(e.getMessage());
      }
    }
    return registry;
  }

  @Override
  public boolean blocks(String operation) {
    return CHANGES.contains(operation) || api.blocks(operation);
  }

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    JsonNode response = api.invoke(operation, request);
    if (CHANGES.contains(operation)) {
      write();
    }
    return response;
  }

  // Changes are rare (a target's setup), so each one writes the whole registry at once.
  private synchronized void write() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(temp, AwsJson.MAPPER.writeValueAsBytes(RegistrySnapshot.capture(api)));
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the EventBridge state to " + file, e);
    }
  }

  private IllegalStateException unreadable(String reason) {
    return new IllegalStateException(
        "Cannot restore the EventBridge state from "
            + file.toAbsolutePath()
            + ": "
            + reason
            + ". The file was left as it is; move it away to start with only the default bus.");
  }
}
