package io.computecase.local.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;

/** Creates the namespaces a fresh cluster has (default, kube-system, kube-public) when absent. */
final class DefaultNamespaces {

  private static final List<String> NAMES = List.of("default", "kube-system", "kube-public");

  private final EmbeddedKubernetes server;

  DefaultNamespaces(EmbeddedKubernetes server) {
    this.server = server;
  }

  void ensure() {
    for (String name : NAMES) {
      if (server.client().namespaces().withName(name).get() == null) {
        server
            .client()
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .endMetadata()
                    .withNewStatus()
                    .withPhase("Active")
                    .endStatus()
                    .build())
            .create();
      }
    }
  }
}
