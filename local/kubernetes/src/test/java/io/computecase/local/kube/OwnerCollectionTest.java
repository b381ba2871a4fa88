package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deleting an owner deletes what names it in ownerReferences, and nothing else. */
class OwnerCollectionTest {

  private EmbeddedKubernetes server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server = EmbeddedKubernetes.builder().build();
    client = server.client();
    ComputeCases.createCrd(client);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void dependentsGoWithTheirOwner() {
    GenericKubernetesResource owner =
        ComputeCases.cases(client).resource(PersistenceTest.caseNamed("owner")).create();
    client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("owned")
                .addNewOwnerReference()
                .withApiVersion("computecase.io/v1alpha1")
                .withKind("ComputeCase")
                .withName("owner")
                .withUid(owner.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .addToData("items", "[]")
                .build())
        .create();
    client
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder().withNewMetadata().withName("unrelated").endMetadata().build())
        .create();

    ComputeCases.named(client, "owner").delete();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.configMaps().inNamespace("default").withName("owned").get() == null);
    assertThat(client.configMaps().inNamespace("default").withName("unrelated").get()).isNotNull();
  }
}
