package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through the fabric8 client: status is written only via /status; spec changes bump generation. */
class StatusSubresourceTest {

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
  void createIgnoresStatusAndStartsAtGenerationOne() {
    GenericKubernetesResource resource = PersistenceTest.caseNamed("demo");
    resource.setAdditionalProperty("status", Map.of("phase", "Succeeded"));

    GenericKubernetesResource created = ComputeCases.cases(client).resource(resource).create();

    assertThat(created.getAdditionalProperties()).doesNotContainKey("status");
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getCreationTimestamp()).isNotBlank();
  }

  @Test
  void updateOfTheObjectChangesSpecButNotStatus() {
    GenericKubernetesResource created = createWithStatus("Running");
    created.setAdditionalProperty("spec", Map.of("target", "pricing", "maxConcurrency", 50));
    created.setAdditionalProperty("status", Map.of("phase", "Failed"));

    GenericKubernetesResource updated = ComputeCases.cases(client).resource(created).update();

    assertThat(updated.get("spec", "maxConcurrency").toString()).isEqualTo("50");
    assertThat(updated.get("status", "phase").toString()).isEqualTo("Running");
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void statusUpdateChangesOnlyStatusAndKeepsTheGeneration() {
    GenericKubernetesResource created = createWithStatus("Running");
    created.setAdditionalProperty("spec", Map.of("target", "changed"));
    created.setAdditionalProperty("status", Map.of("phase", "Succeeded"));

    GenericKubernetesResource updated = ComputeCases.cases(client).resource(created).updateStatus();

    assertThat(updated.get("status", "phase").toString()).isEqualTo("Succeeded");
    assertThat(updated.get("spec", "target").toString()).isEqualTo("pricing");
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void mergePatchOfStatusAsJosdkSendsIt() {
    createWithStatus("Running");

    GenericKubernetesResource patched =
        ComputeCases.named(client, "demo")
            .subresource("status")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"phase\":\"Succeeded\",\"observedGeneration\":1}}");

    assertThat(patched.get("status", "phase").toString()).isEqualTo("Succeeded");
    assertThat(patched.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void serverSideApplyOfStatusIsAccepted() {
    createWithStatus("Running");
    GenericKubernetesResource applied = PersistenceTest.caseNamed("demo");
    applied.getAdditionalProperties().remove("spec");
    applied.setAdditionalProperty("status", Map.of("phase", "Succeeded"));

    GenericKubernetesResource patched =
        ComputeCases.named(client, "demo")
            .subresource("status")
            .patch(
                new PatchContext.Builder()
                    .withPatchType(PatchType.SERVER_SIDE_APPLY)
                    .withFieldManager("computecase-operator")
                    .withForce(true)
                    .build(),
                applied);

    assertThat(patched.get("status", "phase").toString()).isEqualTo("Succeeded");
  }

  @Test
  void metadataOnlyChangesDoNotBumpTheGeneration() {
    createWithStatus("Running");

    GenericKubernetesResource labelled =
        ComputeCases.named(client, "demo")
            .edit(
                resource -> {
                  resource.getMetadata().setLabels(Map.of("team", "pricing"));
                  return resource;
                });

    assertThat(labelled.getMetadata().getLabels()).containsEntry("team", "pricing");
    assertThat(labelled.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void staleResourceVersionIsAConflict() {
    GenericKubernetesResource created = createWithStatus("Running");
    String stale = created.getMetadata().getResourceVersion();
    ComputeCases.named(client, "demo")
        .edit(
            r -> {
              r.setAdditionalProperty("spec", Map.of("target", "newer"));
              return r;
            });
    created.getMetadata().setResourceVersion(stale);

    Assertions.assertThatThrownBy(() -> ComputeCases.cases(client).resource(created).update())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("the object has been modified");
  }

  private GenericKubernetesResource createWithStatus(String phase) {
    GenericKubernetesResource created =
        ComputeCases.cases(client).resource(PersistenceTest.caseNamed("demo")).create();
    created.setAdditionalProperty("status", Map.of("phase", phase));
    return ComputeCases.cases(client).resource(created).updateStatus();
  }

  @Test
  void reapplyingTheSameStateKeepsTheResourceVersion() {
    GenericKubernetesResource created = createWithStatus("Running");
    String version = created.getMetadata().getResourceVersion();

    GenericKubernetesResource again =
        ComputeCases.named(client, "demo")
            .subresource("status")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"Running\"}}");
    GenericKubernetesResource replaced = ComputeCases.cases(client).resource(again).update();

    assertThat(again.getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(replaced.getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(replaced.getMetadata().getGeneration()).isEqualTo(1L);
  }
}
