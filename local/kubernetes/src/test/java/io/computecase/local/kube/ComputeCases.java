package io.computecase.local.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;

/** The test ComputeCase CRD and shortcuts to its resources through the fabric8 client. */
final class ComputeCases {

  static final Path RESOURCES = Path.of("src/test/resources/kubectl");
  static final Path CRD_FILE = RESOURCES.resolve("computecases-crd.yaml");
  static final Path CASE_FILE = RESOURCES.resolve("computecase.yaml");
  static final Path DEPLOYMENT_FILE = RESOURCES.resolve("deployment.yaml");

  static final ResourceDefinitionContext CONTEXT =
      new ResourceDefinitionContext.Builder()
          .withGroup("computecase.io")
          .withVersion("v1alpha1")
          .withKind("ComputeCase")
          .withPlural("computecases")
          .withNamespaced(true)
          .build();

  private ComputeCases() {}

  static CustomResourceDefinition createCrd(KubernetesClient client) {
    return client.apiextensions().v1().customResourceDefinitions().load(CRD_FILE.toFile()).create();
  }

  static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      cases(KubernetesClient client) {
    return client.genericKubernetesResources(CONTEXT);
  }

  static Resource<GenericKubernetesResource> named(KubernetesClient client, String name) {
    return cases(client).inNamespace("default").withName(name);
  }
}
