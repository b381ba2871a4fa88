package io.computecase.local.kube.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.store.ResourceChange;
import io.computecase.local.kube.store.ResourcePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every resource type the server knows: the built-in kinds plus the versions of each stored
 * CustomResourceDefinition, kept current as CRDs are created, changed and deleted.
 */
public final class ResourceCatalog implements ResourcePaths {

  private static final String CRD_KIND = "CustomResourceDefinition";

  private final List<ResourceType> builtIn = BuiltInResources.all();
  // CRD name -> the resource types (one per served version) it defines
  private final Map<String, List<ResourceType>> fromCrds = new ConcurrentHashMap<>();

  public List<ResourceType> all() {
    List<ResourceType> all = new ArrayList<>(builtIn);
    fromCrds.values().forEach(all::addAll);
    return all;
  }

  public List<ResourceType> inGroupVersion(String group, String version) {
    return all().stream()
        .filter(type -> type.group().equals(group) && type.version().equals(version))
        .toList();
  }

  public Optional<ResourceType> find(String group, String version, String plural) {
    return inGroupVersion(group, version).stream()
        .filter(type -> type.plural().equals(plural))
        .findFirst();
  }

  public Optional<ResourceType> findKind(String apiVersion, String kind) {
    return all().stream()
        .filter(type -> type.apiVersion().equals(apiVersion) && type.kind().equals(kind))
        .findFirst();
  }

  /** Follows CRD changes so discovery, tables and OpenAPI serve the new kinds at once. */
  public void onChange(ResourceChange change) {
    ObjectNode object = change.object();
    if (!CRD_KIND.equals(object.path("kind").asText())) {
      return;
    }
    String name = object.path("metadata").path("name").asText();
    if (change.type() == ResourceChange.Type.DELETED) {
      fromCrds.remove(name);
    } else {
      fromCrds.put(name, CustomResourceTypes.of(object));
    }
  }

  @Override
  public String collectionPath(ObjectNode object, String requestPath) {
    String namespace = object.path("metadata").path("namespace").asText("");
    return findKind(object.path("apiVersion").asText(), object.path("kind").asText())
        .map(type -> type.collectionPath(namespace))
        .orElseGet(() -> fallbackCollectionPath(requestPath));
  }

  // An unknown kind was written through its collection path (POST) or its object path.
  private static String fallbackCollectionPath(String requestPath) {
    return requestPath.replaceFirst("\\?.*$", "").replaceFirst("/(status|scale)$", "");
  }
}
