package io.computecase.local.kube.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks the API server makes on a CustomResourceDefinition before it serves the new kind:
 * group, names, scope and versions present, and the name {@code <plural>.<group>}.
 */
final class CrdValidator {

  private CrdValidator() {}

  static void validate(JsonNode crd) {
    List<Cause> causes = new ArrayList<>();
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText("");
    String plural = spec.path("names").path("plural").asText("");
    if (group.isEmpty()) {
      causes.add(required("spec.group", "e.g. computecase.io"));
    }
    if (plural.isEmpty()) {
      causes.add(required("spec.names.plural", "e.g. computecases"));
    }
    if (spec.path("names").path("kind").asText("").isEmpty()) {
      causes.add(required("spec.names.kind", "e.g. ComputeCase"));
    }
    String scope = spec.path("scope").asText("");
    if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
      causes.add(
          new Cause(
              "spec.scope",
              "FieldValueNotSupported",
              "Unsupported value: \""
                  + scope
                  + "\": supported values: \"Cluster\", \"Namespaced\""));
    }
    if (!spec.path("versions").isArray() || spec.path("versions").isEmpty()) {
      causes.add(required("spec.versions", "list at least one version, e.g. v1alpha1"));
    }
    String name = crd.path("metadata").path("name").asText("");
    if (!group.isEmpty() && !plural.isEmpty() && !name.equals(plural + "." + group)) {
      causes.add(
          new Cause(
              "metadata.name",
              "FieldValueInvalid",
              "Invalid value: \""
                  + name
                  + "\": must be spec.names.plural+\".\"+spec.group ("
                  + plural
                  + "."
                  + group
                  + ")"));
    }
    if (!causes.isEmpty()) {
      List<String> messages = causes.stream().map(c -> c.field() + ": " + c.message()).toList();
      throw new InvalidObjectException(
          422,
          "Invalid",
          "CustomResourceDefinition.apiextensions.k8s.io \""
              + name
              + "\" is invalid: "
              + String.join(", ", messages),
          "CustomResourceDefinition",
          name,
          causes);
    }
  }

  /**
   * Records what the API server's CRD controllers report once they serve the kind: names accepted,
   * Established, the storage version stored. Clients (kubectl wait, Helm) wait for Established.
   */
  static void markServed(JsonNode crd) {
    if (!crd.isObject()) {
      return;
    }
    ObjectNode status = ((ObjectNode) crd).putObject("status");
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    conditions
        .addObject()
        .put("type", "NamesAccepted")
        .put("status", "True")
        .put("reason", "NoConflicts")
        .put("message", "no conflicts found")
        .put("lastTransitionTime", now);
    conditions
        .addObject()
        .put("type", "Established")
        .put("status", "True")
        .put("reason", "InitialNamesAccepted")
        .put("message", "the initial names have been accepted")
        .put("lastTransitionTime", now);
    ArrayNode stored = status.putArray("storedVersions");
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("storage").asBoolean(false)) {
        stored.add(version.path("name").asText());
      }
    }
  }

  private static Cause required(String field, String hint) {
    return new Cause(field, "FieldValueRequired", "Required value: " + hint);
  }
}
