package io.computecase.local.kube.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * fabric8's CRUD dispatcher with every committed change published to listeners (watch streams,
 * persistence), and a way to restore stored objects unchanged (uid, resourceVersion, status).
 * Listeners run under the dispatcher's write lock, so they see changes in commit order.
 */
public class ObservableCrudDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Consumer<ResourceChange>> listeners = new CopyOnWriteArrayList<>();
  private final ResourcePaths paths;
  private volatile long lastResourceVersion;
  private long versionCounter;

  public ObservableCrudDispatcher(ResourcePaths paths) {
    this.paths = paths;
  }

  public void addListener(Consumer<ResourceChange> listener) {
    listeners.add(listener);
  }

  /** The resourceVersion of the newest committed change: what a list reports as its version. */
  public long lastResourceVersion() {
    return lastResourceVersion;
  }

  // Every create, update, patch and delete of the CRUD dispatcher ends here, under its write lock,
  // so listeners see changes in commit order.
  @Override
  public void processEvent(
      String path,
      AttributeSet query,
      AttributeSet oldKey,
      GenericKubernetesResource resource,
      String json) {
    String previous = oldKey == null ? null : getMap().get(oldKey);
    if (oldKey == null) {
      // A create (restores pass an empty key): fabric8 numbers uids 00000000-…-0001, 0002, …; a
      // real API server gives random ones, and names derived from uids must not collide across
      // servers or restarts.
      oldKey = new AttributeSet(); // matches nothing, so a create removes nothing
      if (json != null && resource != null && resource.getMetadata() != null) {
        String uid = UUID.randomUUID().toString();
        resource.getMetadata().setUid(uid);
        json = withUid(json, uid);
      }
    }
    super.processEvent(path, query, oldKey, resource, json);
    if (Objects.equals(previous, json)) {
      return;
    }
    try {
      if (json == null) {
        ObjectNode gone = (ObjectNode) JSON.readTree(previous);
        long version = requestResourceVersion();
        ((ObjectNode) gone.with("metadata")).put("resourceVersion", Long.toString(version));
        publish(
            new ResourceChange(
                ResourceChange.Type.DELETED, paths.collectionPath(gone, path), gone, version));
      } else {
        ObjectNode object = (ObjectNode) JSON.readTree(json);
        long version = parseVersion(object);
        ResourceChange.Type type =
            previous == null ? ResourceChange.Type.ADDED : ResourceChange.Type.MODIFIED;
        publish(new ResourceChange(type, paths.collectionPath(object, path), object, version));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored resource is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Puts back an object read from disk exactly as it was stored (no new uid or version). Called
   * before the server accepts requests, so it needs no lock.
   */
  public void restore(String collectionPath, String json) {
    try {
      GenericKubernetesResource resource =
          Serialization.unmarshal(json, GenericKubernetesResource.class);
      processEvent(collectionPath, getKey(collectionPath), new AttributeSet(), resource, json);
      long version = parseVersion((ObjectNode) JSON.readTree(json));
      // move the dispatcher's version counter past every restored object's version
      while (versionCounter < version) {
        versionCounter = requestResourceVersion();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "stored resource is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String withUid(String json, String uid) {
    try {
      ObjectNode object = (ObjectNode) JSON.readTree(json);
      object.with("metadata").put("uid", uid);
      return JSON.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("created resource is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private void publish(ResourceChange change) {
    lastResourceVersion = Math.max(lastResourceVersion, change.resourceVersion());
    listeners.forEach(listener -> listener.accept(change));
  }

  private static long parseVersion(ObjectNode object) {
    String version = object.path("metadata").path("resourceVersion").asText("0");
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
