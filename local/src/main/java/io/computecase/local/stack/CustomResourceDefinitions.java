package io.computecase.local.stack;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Applies the project's generated CRDs (bundled from {@code crds/}) to an API server, as {@code
 * kubectl apply -f crds/} does on a cluster; the file names follow from the model classes.
 */
final class CustomResourceDefinitions {
  private static final List<Class<? extends CustomResource<?, ?>>> MODEL =
      List.of(ComputeCase.class, ComputeTarget.class);

  private CustomResourceDefinitions() {}

  static void apply(KubernetesClient client) {
    for (Class<? extends CustomResource<?, ?>> type : MODEL) {
      String file = "/crds/" + CustomResource.getCRDName(type) + "-v1.yml";
      try (InputStream in = CustomResourceDefinitions.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException("The build bundled no " + file + " (generated into crds/ by the operator build)");
        }
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(existing -> existing.update());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }
}
