package io.computecase.local.kube.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the served resource types out of a CustomResourceDefinition object. */
final class CustomResourceTypes {

  private CustomResourceTypes() {}

  static List<ResourceType> of(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String kind = names.path("kind").asText();
    String plural = names.path("plural").asText();
    String singular = names.path("singular").asText(kind.toLowerCase(Locale.ROOT));
    boolean namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      JsonNode subresources = version.path("subresources");
      types.add(
          new ResourceType(
              spec.path("group").asText(),
              version.path("name").asText(),
              kind,
              plural,
              singular,
              strings(names.path("shortNames")),
              strings(names.path("categories")),
              namespaced,
              subresources.has("status"),
              subresources.has("scale") ? scale(subresources.path("scale")) : null,
              columns(version.path("additionalPrinterColumns")),
              version.path("schema").path("openAPIV3Schema").isMissingNode()
                  ? null
                  : version.path("schema").path("openAPIV3Schema")));
    }
    return types;
  }

  private static ScalePaths scale(JsonNode scale) {
    return new ScalePaths(
        scale.path("specReplicasPath").asText(".spec.replicas"),
        scale.path("statusReplicasPath").asText(".status.replicas"),
        scale.hasNonNull("labelSelectorPath") ? scale.get("labelSelectorPath").asText() : null);
  }

  private static List<PrinterColumn> columns(JsonNode columns) {
    List<PrinterColumn> result = new ArrayList<>();
    for (JsonNode column : columns) {
      result.add(
          new PrinterColumn(
              column.path("name").asText(),
              column.path("type").asText("string"),
              column.path("format").asText(""),
              column.path("description").asText(""),
              column.path("priority").asInt(0),
              column.path("jsonPath").asText()));
    }
    return result;
  }

  private static List<String> strings(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(item -> result.add(item.asText()));
    return result;
  }
}
