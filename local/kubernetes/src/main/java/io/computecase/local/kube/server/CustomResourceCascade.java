package io.computecase.local.kube.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.kube.store.ObservableCrudDispatcher;
import io.computecase.local.kube.store.ResourceChange;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Deleting a CustomResourceDefinition deletes its custom resources, as the API server does, so a
 * CRD applied again starts empty.
 */
public final class CustomResourceCascade implements AutoCloseable {

  private final CrudGateway crud;
  private final ExecutorService deletions =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "crd-cascade");
            thread.setDaemon(true);
            return thread;
          });

  public CustomResourceCascade(ObservableCrudDispatcher store) {
    this.crud = new CrudGateway(store);
  }

  public void onChange(ResourceChange change) {
    JsonNode crd = change.object();
    if (change.type() != ResourceChange.Type.DELETED
        || !"CustomResourceDefinition".equals(crd.path("kind").asText())) {
      return;
    }
    String group = crd.path("spec").path("group").asText();
    String plural = crd.path("spec").path("names").path("plural").asText();
    List<String> versions = new ArrayList<>();
    crd.path("spec").path("versions").forEach(v -> versions.add(v.path("name").asText()));
    // outside the store's write lock: each deletion is a request of its own
    deletions.submit(() -> versions.forEach(version -> deleteAll(group, version, plural)));
  }

  private void deleteAll(String group, String version, String plural) {
    String collection = "/apis/" + group + "/" + version + "/" + plural;
    crud.get(collection)
        .ifPresent(
            list ->
                list.path("items")
                    .forEach(
                        item -> {
                          JsonNode metadata = item.path("metadata");
                          String namespace = metadata.path("namespace").asText("");
                          String path =
                              "/apis/"
                                  + group
                                  + "/"
                                  + version
                                  + (namespace.isEmpty() ? "" : "/namespaces/" + namespace)
                                  + "/"
                                  + plural
                                  + "/"
                                  + metadata.path("name").asText();
                          crud.call(HttpMethod.DELETE, path, null, null);
                        }));
  }

  @Override
  public void close() {
    deletions.shutdownNow();
  }
}
