package io.computecase.local.stack;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies the project's generated CRDs (bundled from {@code crds/}) to an API server, as {@code
 * kubectl apply -f crds/} does on a cluster, and waits until the server serves them; the file names
 * follow from the model classes.
 */
final class CustomResourceDefinitions {
  private static final List<Class<? extends CustomResource<?, ?>>> MODEL =
      List.of(ComputeCase.class, ComputeTarget.class);

  private static final Duration ESTABLISHED_WITHIN = Duration.ofSeconds(60);

  private CustomResourceDefinitions() {}

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static void apply(KubernetesClient client) {
    for (Class<? extends CustomResource<?, ?>> type : MODEL) {
      String file = "/crds/" + CustomResource.getCRDName(type) + "-v1.yml";
      try (InputStream in = CustomResourceDefinitions.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException(
              "The build bundled no " + file + " (generated into crds/ by the operator build)");
        }
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(crd)
            .createOr(existing -> existing.update());
        // The API server serves the new kind only once it reports the CRD Established.
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(
                CustomResourceDefinitions::established,
                ESTABLISHED_WITHIN.toSeconds(),
                TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }
}
