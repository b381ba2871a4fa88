package io.computecase.local.kube.discovery;

import java.util.List;
import java.util.Locale;

/** The built-in kinds this server serves: the ones kubectl, JOSDK and the operator use. */
final class BuiltInResources {

  private static final PrinterColumn AGE =
      new PrinterColumn("Age", "date", "", "", 0, ".metadata.creationTimestamp");

  private BuiltInResources() {}

  static List<ResourceType> all() {
    return List.of(
        core(
            "Namespace",
            "namespaces",
            List.of("ns"),
            false,
            true,
            List.of(new PrinterColumn("Status", "string", "", "", 0, ".status.phase"), AGE)),
        core("ConfigMap", "configmaps", List.of("cm"), true, false, List.of(AGE)),
        core(
            "Event",
            "events",
            List.of("ev"),
            true,
            false,
            List.of(
                new PrinterColumn("Last Seen", "date", "", "", 0, ".lastTimestamp"),
                new PrinterColumn("Type", "string", "", "", 0, ".type"),
                new PrinterColumn("Reason", "string", "", "", 0, ".reason"),
                new PrinterColumn("Object", "string", "", "", 0, ".involvedObject.name"),
                new PrinterColumn("Message", "string", "", "", 0, ".message"))),
        core(
            "Pod",
            "pods",
            List.of("po"),
            true,
            true,
            List.of(new PrinterColumn("Status", "string", "", "", 0, ".status.phase"), AGE)),
        core(
            "Service",
            "services",
            List.of("svc"),
            true,
            true,
            List.of(
                new PrinterColumn("Type", "string", "", "", 0, ".spec.type"),
                new PrinterColumn("Cluster-IP", "string", "", "", 0, ".spec.clusterIP"),
                AGE)),
        core("ServiceAccount", "serviceaccounts", List.of("sa"), true, false, List.of(AGE)),
        core(
            "Secret",
            "secrets",
            List.of(),
            true,
            false,
            List.of(new PrinterColumn("Type", "string", "", "", 0, ".type"), AGE)),
        new ResourceType(
            "apps",
            "v1",
            "Deployment",
            "deployments",
            "deployment",
            List.of("deploy"),
            List.of("all"),
            true,
            true,
            ScalePaths.DEPLOYMENT,
            List.of(
                new PrinterColumn("Replicas", "integer", "", "", 0, ".spec.replicas"),
                new PrinterColumn("Ready", "integer", "", "", 0, ".status.readyReplicas"),
                new PrinterColumn("Available", "integer", "", "", 0, ".status.availableReplicas"),
                AGE),
            null),
        new ResourceType(
            "coordination.k8s.io",
            "v1",
            "Lease",
            "leases",
            "lease",
            List.of(),
            List.of(),
            true,
            false,
            null,
            List.of(new PrinterColumn("Holder", "string", "", "", 0, ".spec.holderIdentity"), AGE),
            null),
        new ResourceType(
            "apiextensions.k8s.io",
            "v1",
            "CustomResourceDefinition",
            "customresourcedefinitions",
            "customresourcedefinition",
            List.of("crd", "crds"),
            List.of("api-extensions"),
            false,
            true,
            null,
            List.of(
                new PrinterColumn("Created At", "date", "", "", 0, ".metadata.creationTimestamp")),
            null));
  }

  private static ResourceType core(
      String kind,
      String plural,
      List<String> shortNames,
      boolean namespaced,
      boolean status,
      List<PrinterColumn> columns) {
    return new ResourceType(
        "",
        "v1",
        kind,
        plural,
        kind.toLowerCase(Locale.ROOT),
        shortNames,
        List.of(),
        namespaced,
        status,
        null,
        columns,
        null);
  }
}
