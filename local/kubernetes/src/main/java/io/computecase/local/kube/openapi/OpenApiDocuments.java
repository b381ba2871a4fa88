package io.computecase.local.kube.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.ResourceCatalog;
import io.computecase.local.kube.discovery.ResourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAPI v3 (root index and one document per group version) and v2 built from the catalog: CRD
 * kinds carry their openAPIV3Schema (for kubectl explain); every kind's PATCH operation declares
 * the fieldValidation parameter, so kubectl leaves validation to this server.
 */
public final class OpenApiDocuments {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PATCH_PARAMETERS =
      List.of("fieldValidation", "fieldManager", "dryRun", "force");

  private final ResourceCatalog catalog;

  public OpenApiDocuments(ResourceCatalog catalog) {
    this.catalog = catalog;
  }

  /** /openapi/v3: where each group version's document is. */
  public ObjectNode v3Index() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode paths = root.putObject("paths");
    Set<String> groupVersions = new LinkedHashSet<>();
    catalog.all().forEach(type -> groupVersions.add(type.groupVersionPath().substring(1)));
    for (String groupVersion : groupVersions) {
      String hash = Integer.toHexString(v3(groupVersion).map(JsonNode::hashCode).orElse(0));
      paths
          .putObject(groupVersion)
          .put("serverRelativeURL", "/openapi/v3/" + groupVersion + "?hash=" + hash);
    }
    return root;
  }

  /** /openapi/v3/api/v1 or /openapi/v3/apis/group/version, or empty when none is served. */
  public Optional<ObjectNode> v3(String groupVersionPath) {
    List<ResourceType> types =
        catalog.all().stream()
            .filter(type -> type.groupVersionPath().equals("/" + groupVersionPath))
            .toList();
    if (types.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode document = JSON.createObjectNode().put("openapi", "3.0.0");
    document.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    ObjectNode paths = document.putObject("paths");
    ObjectNode schemas = document.putObject("components").putObject("schemas");
    schemas.set(ObjectMetaSchema.NAME, ObjectMetaSchema.schema());
    for (ResourceType type : types) {
      schemas.set(definitionName(type), kindSchema(type, "#/components/schemas/"));
      paths.set(itemPath(type), pathItem(type, true));
    }
    return Optional.of(document);
  }

  /** /openapi/v2 (Swagger 2.0, JSON) with every kind of every group version. */
  public ObjectNode v2() {
    ObjectNode document = JSON.createObjectNode().put("swagger", "2.0");
    document.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
    ObjectNode paths = document.putObject("paths");
    ObjectNode definitions = document.putObject("definitions");
    definitions.set(ObjectMetaSchema.NAME, ObjectMetaSchema.schema());
    for (ResourceType type : catalog.all()) {
      definitions.set(definitionName(type), kindSchema(type, "#/definitions/"));
      paths.set(itemPath(type), pathItem(type, false));
    }
    return document;
  }

  /** The definition name Kubernetes uses: reversed group, version, kind. */
  static String definitionName(ResourceType type) {
    if (type.group().isEmpty()) {
      return "io.k8s.api.core." + type.version() + "." + type.kind();
    }
    List<String> parts = new ArrayList<>(List.of(type.group().split("\\.")));
    Collections.reverse(parts);
    return String.join(".", parts) + "." + type.version() + "." + type.kind();
  }

  private static ObjectNode kindSchema(ResourceType type, String refPrefix) {
    ObjectNode schema =
        type.schema() != null && type.schema().isObject()
            ? ((ObjectNode) type.schema()).deepCopy()
            : JSON.createObjectNode()
                .put("type", "object")
                .put("description", type.kind() + " (its fields are not described by this server)")
                .put("x-kubernetes-preserve-unknown-fields", true);
    ObjectNode properties = schema.with("properties");
    properties
        .putObject("apiVersion")
        .put("type", "string")
        .put(
            "description",
            "APIVersion defines the versioned schema of this representation of an object.");
    properties
        .putObject("kind")
        .put("type", "string")
        .put(
            "description",
            "Kind is a string value representing the REST resource this object represents.");
    properties
        .putObject("metadata")
        .put("description", "Standard object's metadata.")
        .putArray("allOf")
        .addObject()
        .put("$ref", refPrefix + ObjectMetaSchema.NAME);
    schema.putArray("x-kubernetes-group-version-kind").add(gvk(type));
    return schema;
  }

  private static ObjectNode pathItem(ResourceType type, boolean v3) {
    ObjectNode item = JSON.createObjectNode();
    for (String method : List.of("get", "put", "patch", "delete")) {
      ObjectNode operation =
          item.putObject(method)
              .put("operationId", method + type.kind())
              .put("x-kubernetes-action", method.equals("put") ? "put" : method);
      operation.set("x-kubernetes-group-version-kind", gvk(type));
      ArrayNode parameters = operation.putArray("parameters");
      if (!method.equals("get") && !method.equals("delete")) {
        for (String name : PATCH_PARAMETERS) {
          ObjectNode parameter =
              parameters
                  .addObject()
                  .put("name", name)
                  .put("in", "query")
                  .put("description", name + " query parameter");
          if (v3) {
            parameter.putObject("schema").put("type", name.equals("force") ? "boolean" : "string");
          } else {
            parameter.put("type", name.equals("force") ? "boolean" : "string");
          }
        }
      }
      operation.putObject("responses").putObject("200").put("description", "OK");
    }
    return item;
  }

  private static String itemPath(ResourceType type) {
    String namespace = type.namespaced() ? "/namespaces/{namespace}" : "";
    return type.groupVersionPath() + namespace + "/" + type.plural() + "/{name}";
  }

  private static ObjectNode gvk(ResourceType type) {
    return JSON.createObjectNode()
        .put("group", type.group())
        .put("version", type.version())
        .put("kind", type.kind());
  }
}
