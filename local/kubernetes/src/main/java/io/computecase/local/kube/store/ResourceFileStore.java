package io.computecase.local.kube.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps every stored resource as a JSON file under
 * dataDir/resources/&lt;collection&gt;/&lt;name&gt;.json, written through on each change with an
 * atomic rename, and loads them back on start.
 */
public final class ResourceFileStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private volatile boolean loading;

  public ResourceFileStore(Path dataDir) {
    this.root = dataDir.resolve("resources");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + root, e);
    }
  }

  public void onChange(ResourceChange change) {
    if (loading) {
      return;
    }
    Path file = fileOf(change);
    try {
      if (change.type() == ResourceChange.Type.DELETED) {
        Files.deleteIfExists(file);
        return;
      }
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(temporary, JSON.writeValueAsBytes(change.object()));
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist " + file, e);
    }
  }

  /** A stored object and the collection path it lives under. */
  public record StoredResource(String collectionPath, String json) {}

  /**
   * Every stored object: CRDs first (they define the kinds of the rest), then namespaces, then
   * everything else in resourceVersion order.
   */
  public List<StoredResource> load() {
    List<StoredResource> resources = new ArrayList<>();
    try (Stream<Path> collections = Files.list(root)) {
      for (Path collection : collections.filter(Files::isDirectory).toList()) {
        String collectionPath = "/" + collection.getFileName().toString().replace('_', '/');
        try (Stream<Path> files = Files.list(collection)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
            String json = Files.readString(file);
            try {
              JSON.readTree(json);
            } catch (IOException e) {
              throw new IllegalStateException(
                  "the stored resource "
                      + file
                      + " is not valid JSON ("
                      + e.getMessage()
                      + "); repair or delete the file, then start again",
                  e);
            }
            resources.add(new StoredResource(collectionPath, json));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored resources in " + root, e);
    }
    resources.sort(
        Comparator.comparingInt(ResourceFileStore::rank)
            .thenComparingLong(ResourceFileStore::version));
    return resources;
  }

  public void loading(boolean loading) {
    this.loading = loading;
  }

  private Path fileOf(ResourceChange change) {
    String directory = change.collectionPath().substring(1).replace('/', '_');
    String name = change.object().path("metadata").path("name").asText();
    return root.resolve(directory).resolve(name + ".json");
  }

  private static int rank(StoredResource resource) {
    if (resource.collectionPath().endsWith("/customresourcedefinitions")) {
      return 0;
    }
    return resource.collectionPath().equals("/api/v1/namespaces") ? 1 : 2;
  }

  private static long version(StoredResource resource) {
    try {
      return Long.parseLong(
          JSON.readTree(resource.json()).path("metadata").path("resourceVersion").asText("0"));
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
