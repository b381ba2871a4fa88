package io.computecase.helm.chart;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The structural schema of a CRD the chart ships. An API server silently prunes fields its schema
 * does not declare, so a rendered custom resource must use declared fields only.
 */
public record CrdSchema(JSONSchemaProps root) {

  public static CrdSchema of(Path crdFile) throws IOException {
    try (InputStream in = Files.newInputStream(crdFile)) {
      CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
      return new CrdSchema(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
    }
  }

  /** JSON paths of the value that the schema does not declare (and would prune). */
  public List<String> undeclaredFields(Map<String, Object> resource) {
    List<String> undeclared = new ArrayList<>();
    walk("", resource, root, undeclared);
    return undeclared;
  }

  @SuppressWarnings("unchecked")
  private static void walk(String path, Object value, JSONSchemaProps schema, List<String> out) {
    if (schema == null || Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
        String child = path + "." + entry.getKey();
        if (path.isEmpty() && List.of("apiVersion", "kind", "metadata").contains(entry.getKey())) {
          continue;
        }
        JSONSchemaProps declared =
            schema.getProperties() != null ? schema.getProperties().get(entry.getKey()) : null;
        if (declared == null
            && schema.getAdditionalProperties() != null
            && schema.getAdditionalProperties().getSchema() != null) {
          declared = schema.getAdditionalProperties().getSchema();
        }
        if (declared == null) {
          out.add(child);
        } else {
          walk(child, entry.getValue(), declared, out);
        }
      }
    } else if (value instanceof List<?> list && schema.getItems() != null) {
      for (int i = 0; i < list.size(); i++) {
        walk(path + "[" + i + "]", list.get(i), schema.getItems().getSchema(), out);
      }
    }
  }
}
