package io.computecase.local.kube.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One served resource of one group version: what discovery lists, what tables print and what
 * OpenAPI describes. {@code scale} is null for kinds without a scale subresource.
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    List<String> shortNames,
    List<String> categories,
    boolean namespaced,
    boolean statusSubresource,
    ScalePaths scale,
    List<PrinterColumn> printerColumns,
    JsonNode schema) {

  /** The verbs every resource here supports. */
  public static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  public boolean scaleSubresource() {
    return scale != null;
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The URL prefix of the group version: /api/v1 or /apis/group/version. */
  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** The collection path in {@code namespace} (ignored for cluster-scoped resources). */
  public String collectionPath(String namespace) {
    if (namespaced && namespace != null && !namespace.isEmpty()) {
      return groupVersionPath() + "/namespaces/" + namespace + "/" + plural;
    }
    return groupVersionPath() + "/" + plural;
  }
}
