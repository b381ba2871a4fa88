package io.computecase.local.kube.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The legacy discovery documents (/api, /api/v1, /apis, /apis/g, /apis/g/v) from the catalog. */
public final class DiscoveryDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ResourceCatalog catalog;

  public DiscoveryDocuments(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  public ObjectNode coreVersions(String serverAddress) {
    ObjectNode versions = JSON.createObjectNode().put("kind", "APIVersions");
    versions.putArray("versions").add("v1");
    versions
        .putArray("serverAddressByClientCIDRs")
        .addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", serverAddress);
    return versions;
  }

  public ObjectNode groupList() {
    ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    groupVersions()
        .forEach(
            (group, versions) -> {
              if (!group.isEmpty()) {
                groups.add(group(group, versions));
              }
            });
    return list;
  }

  public Optional<ObjectNode> group(String name) {
    Set<String> versions = groupVersions().get(name);
    if (name.isEmpty() || versions == null) {
      return Optional.empty();
    }
    return Optional.of(group(name, versions).put("kind", "APIGroup").put("apiVersion", "v1"));
  }

  /** The APIResourceList of one group version (group "" is the core group), or empty if unknown. */
  public Optional<ObjectNode> resourceList(String group, String version) {
    List<ResourceType> types = catalog.inGroupVersion(group, version);
    if (types.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode list =
        JSON.createObjectNode()
            .put("kind", "APIResourceList")
            .put("apiVersion", "v1")
            .put("groupVersion", types.get(0).apiVersion());
    ArrayNode resources = list.putArray("resources");
    for (ResourceType type : types) {
      ObjectNode resource =
          resources
              .addObject()
              .put("name", type.plural())
              .put("singularName", type.singular())
              .put("namespaced", type.namespaced())
              .put("kind", type.kind());
      ResourceType.VERBS.forEach(resource.putArray("verbs")::add);
      if (!type.shortNames().isEmpty()) {
        type.shortNames().forEach(resource.putArray("shortNames")::add);
      }
      if (!type.categories().isEmpty()) {
        type.categories().forEach(resource.putArray("categories")::add);
      }
      if (type.statusSubresource()) {
        subresource(resources, type, "status", null, null, type.kind());
      }
      if (type.scaleSubresource()) {
        subresource(resources, type, "scale", "autoscaling", "v1", "Scale");
      }
    }
    return Optional.of(list);
  }

  private static void subresource(
      ArrayNode resources,
      ResourceType type,
      String name,
      String group,
      String version,
      String kind) {
    ObjectNode resource =
        resources
            .addObject()
            .put("name", type.plural() + "/" + name)
            .put("singularName", "")
            .put("namespaced", type.namespaced())
            .put("kind", kind);
    if (group != null) {
      resource.put("group", group).put("version", version);
    }
    List.of("get", "patch", "update").forEach(resource.putArray("verbs")::add);
  }

  private Map<String, Set<String>> groupVersions() {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    for (ResourceType type : catalog.all()) {
      groups.computeIfAbsent(type.group(), g -> new LinkedHashSet<>()).add(type.version());
    }
    return groups;
  }

  private static ObjectNode group(String name, Set<String> versions) {
    ObjectNode group = JSON.createObjectNode().put("name", name);
    ArrayNode list = group.putArray("versions");
    versions.forEach(v -> list.addObject().put("groupVersion", name + "/" + v).put("version", v));
    String preferred = versions.iterator().next();
    group
        .putObject("preferredVersion")
        .put("groupVersion", name + "/" + preferred)
        .put("version", preferred);
    return group;
  }
}
