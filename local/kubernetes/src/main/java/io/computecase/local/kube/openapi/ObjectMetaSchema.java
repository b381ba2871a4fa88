package io.computecase.local.kube.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The schema of metadata (ObjectMeta) that every kind's OpenAPI schema refers to. */
final class ObjectMetaSchema {

  static final String NAME = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ObjectMetaSchema() {}

  static ObjectNode schema() {
    ObjectNode schema =
        JSON.createObjectNode()
            .put("type", "object")
            .put(
                "description",
                "ObjectMeta is metadata that all persisted resources must have,"
                    + " which includes all objects users must create.");
    ObjectNode properties = schema.putObject("properties");
    string(properties, "name", "Name must be unique within a namespace.");
    string(properties, "generateName", "A prefix the server uses to generate a unique name.");
    string(properties, "namespace", "The namespace the object lives in.");
    string(properties, "uid", "The unique identifier the server gave this object.");
    string(
        properties, "resourceVersion", "The version of this object, for optimistic concurrency.");
    string(properties, "creationTimestamp", "When this object was created (RFC 3339).");
    string(
        properties,
        "deletionTimestamp",
        "When this object was asked to be deleted; it goes once its finalizers are empty.");
    properties
        .putObject("generation")
        .put("type", "integer")
        .put("format", "int64")
        .put("description", "A sequence number of the desired state (spec) of this object.");
    map(properties, "labels", "Map of string keys and values to organize and select objects.");
    map(properties, "annotations", "Unstructured key value map for tools and extensions.");
    properties
        .putObject("finalizers")
        .put("type", "array")
        .put("description", "Must be empty before the object is deleted from the registry.")
        .putObject("items")
        .put("type", "string");
    properties
        .putObject("ownerReferences")
        .put("type", "array")
        .put("description", "Objects this object depends on.")
        .putObject("items")
        .put("type", "object")
        .put("x-kubernetes-preserve-unknown-fields", true);
    properties
        .putObject("managedFields")
        .put("type", "array")
        .put("description", "Which field managers own which fields.")
        .putObject("items")
        .put("type", "object")
        .put("x-kubernetes-preserve-unknown-fields", true);
    return schema;
  }

  private static void string(ObjectNode properties, String name, String description) {
    properties.putObject(name).put("type", "string").put("description", description);
  }

  private static void map(ObjectNode properties, String name, String description) {
    properties
        .putObject(name)
        .put("type", "object")
        .put("description", description)
        .putObject("additionalProperties")
        .put("type", "string");
  }
}
