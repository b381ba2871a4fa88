package io.computecase.local.kube.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Garbage collection by owner references (background propagation): when an object is deleted, the
 * objects that name its uid among their ownerReferences are deleted too, as Kubernetes' garbage
 * collector does for what an operator creates for a resource.
 */
public final class OwnerCollector implements AutoCloseable {

  /** Deletes one object, given its collection path and name. */
  public interface Deleter {
    void delete(String collectionPath, String name);
  }

  // uid of an owner -> the objects (collection path, name) that it owns
  private final Map<String, Map<String, String[]>> dependents = new ConcurrentHashMap<>();
  private final ExecutorService deletions =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "owner-collector");
            thread.setDaemon(true);
            return thread;
          });
  private final Deleter deleter;

  public OwnerCollector(Deleter deleter) {
    this.deleter = deleter;
  }

  public Consumer<ResourceChange> listener() {
    return this::onChange;
  }

  private void onChange(ResourceChange change) {
    JsonNode metadata = change.object().path("metadata");
    String key = change.collectionPath() + "/" + metadata.path("name").asText();
    for (JsonNode owner : metadata.path("ownerReferences")) {
      Map<String, String[]> owned =
          dependents.computeIfAbsent(owner.path("uid").asText(), uid -> new ConcurrentHashMap<>());
      if (change.type() == ResourceChange.Type.DELETED) {
        owned.remove(key);
      } else {
        owned.put(key, new String[] {change.collectionPath(), metadata.path("name").asText()});
      }
    }
    if (change.type() == ResourceChange.Type.DELETED) {
      Map<String, String[]> owned = dependents.remove(metadata.path("uid").asText());
      if (owned != null && !owned.isEmpty()) {
        List<String[]> targets = new ArrayList<>(owned.values());
        // outside the store's write lock: the deletions are requests of their own
        deletions.submit(() -> targets.forEach(t -> deleter.delete(t[0], t[1])));
      }
    }
  }

  @Override
  public void close() {
    deletions.shutdownNow();
  }
}
