package io.computecase.local.kube.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * Evaluates a CRD printer column's Kubernetes JSONPath ({@code .status.phase}, {@code
 * {.status.conditions[?(@.type=="Ready")].status}}) against an object.
 */
public final class PrinterColumnPath {

  private static final Configuration JSON_NODES =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.SUPPRESS_EXCEPTIONS)
          .build();

  private final JsonPath path;

  public PrinterColumnPath(String kubernetesJsonPath) {
    String expression = kubernetesJsonPath.trim();
    if (expression.startsWith("{") && expression.endsWith("}")) {
      expression = expression.substring(1, expression.length() - 1).trim();
    }
    if (!expression.startsWith(".") && !expression.startsWith("[")) {
      throw new IllegalArgumentException(
          "printer column jsonPath must start with '.', got \""
              + kubernetesJsonPath
              + "\" (write it like .status.phase)");
    }
    this.path = JsonPath.compile("$" + expression);
  }

  /** The first value the path selects, or a JSON null when it selects nothing. */
  public JsonNode firstValue(JsonNode object) {
    JsonNode result = path.read(object, JSON_NODES);
    if (result == null) {
      return NullNode.getInstance();
    }
    if (!path.isDefinite() && result instanceof ArrayNode array) {
      return array.isEmpty() ? NullNode.getInstance() : array.get(0);
    }
    return result;
  }
}
