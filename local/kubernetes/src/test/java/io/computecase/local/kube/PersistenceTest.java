package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, resources survive a restart unchanged and deletions stay deleted. */
class PersistenceTest {

  @TempDir Path dir;

  @Test
  void restartKeepsResourcesWithTheirIdentityStatusAndVersion() {
    Path data = dir.resolve("data");
    String uid;
    String version;
    try (EmbeddedKubernetes first = EmbeddedKubernetes.builder().dataDir(data).build()) {
      ComputeCases.createCrd(first.client());
      GenericKubernetesResource demo =
          ComputeCases.cases(first.client())
              .inNamespace("default")
              .resource(caseNamed("demo"))
              .create();
      demo.setAdditionalProperty("status", Map.of("phase", "Running"));
      demo = ComputeCases.cases(first.client()).resource(demo).updateStatus();
      uid = demo.getMetadata().getUid();
      version = demo.getMetadata().getResourceVersion();
      first
          .client()
          .configMaps()
          .inNamespace("default")
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("items")
                  .endMetadata()
                  .addToData("k", "v")
                  .build())
          .create();
    }

    try (EmbeddedKubernetes second = EmbeddedKubernetes.builder().dataDir(data).build()) {
      GenericKubernetesResource demo = ComputeCases.named(second.client(), "demo").get();

      assertThat(demo.getMetadata().getUid()).isEqualTo(uid);
      assertThat(demo.getMetadata().getResourceVersion()).isEqualTo(version);
      assertThat(demo.get("status", "phase").toString()).isEqualTo("Running");
      assertThat(
              second.client().configMaps().inNamespace("default").withName("items").get().getData())
          .containsEntry("k", "v");
      GenericKubernetesResource next =
          ComputeCases.cases(second.client())
              .inNamespace("default")
              .resource(caseNamed("next"))
              .create();
      assertThat(Long.parseLong(next.getMetadata().getResourceVersion()))
          .isGreaterThan(Long.parseLong(version));
    }
  }

  @Test
  void deletedResourcesStayDeletedAfterRestart() {
    Path data = dir.resolve("data");
    try (EmbeddedKubernetes first = EmbeddedKubernetes.builder().dataDir(data).build()) {
      ComputeCases.createCrd(first.client());
      ComputeCases.cases(first.client())
          .inNamespace("default")
          .resource(caseNamed("gone"))
          .create();
      ComputeCases.named(first.client(), "gone").delete();
    }

    try (EmbeddedKubernetes second = EmbeddedKubernetes.builder().dataDir(data).build()) {
      assertThat(ComputeCases.named(second.client(), "gone").get()).isNull();
    }
  }

  @Test
  void kubectlSeesRestoredCustomResourcesWithTheirColumns() {
    Kubectl.assumeInstalled();
    Path data = dir.resolve("data");
    try (EmbeddedKubernetes first = EmbeddedKubernetes.builder().dataDir(data).build()) {
      Kubectl kubectl = new Kubectl(first.writeKubeconfig(dir.resolve("kubeconfig")));
      kubectl.run("apply", "-f", ComputeCases.CRD_FILE.toString());
      kubectl.run("apply", "-f", ComputeCases.CASE_FILE.toString());
    }

    try (EmbeddedKubernetes second = EmbeddedKubernetes.builder().dataDir(data).build()) {
      Kubectl kubectl = new Kubectl(second.writeKubeconfig(dir.resolve("kubeconfig")));
      Kubectl.Result get = kubectl.run("get", "cc");

      assertThat(get.out())
          .as(get.toString())
          .startsWith("NAME   PHASE   DONE   FAILED   AGE")
          .contains("demo");
    }
  }

  @Test
  void filesAreWrittenAtomicallyOnePerObject() throws Exception {
    Path data = dir.resolve("data");
    try (EmbeddedKubernetes server = EmbeddedKubernetes.builder().dataDir(data).build()) {
      ComputeCases.createCrd(server.client());
      ComputeCases.cases(server.client())
          .inNamespace("default")
          .resource(caseNamed("demo"))
          .create();
    }

    Path file =
        data.resolve(
            "resources/apis_computecase.io_v1alpha1_namespaces_default_computecases/demo.json");
    assertThat(file).exists();
    assertThat(Files.readString(file)).contains("\"name\":\"demo\"");
    try (var files = Files.walk(data)) {
      assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  static GenericKubernetesResource caseNamed(String name) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion("computecase.io/v1alpha1");
    resource.setKind("ComputeCase");
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    resource.setAdditionalProperty("spec", Map.of("target", "pricing", "maxConcurrency", 5));
    return resource;
  }

  @Test
  void aCorruptFileStopsTheStartNamingTheFileAndTheFix() throws Exception {
    Path data = dir.resolve("data");
    try (EmbeddedKubernetes server = EmbeddedKubernetes.builder().dataDir(data).build()) {
      server
          .client()
          .configMaps()
          .inNamespace("default")
          .resource(
              new ConfigMapBuilder().withNewMetadata().withName("items").endMetadata().build())
          .create();
    }
    Path file = data.resolve("resources/api_v1_namespaces_default_configmaps/items.json");
    Files.writeString(file, "{\"metadata\": ");

    Assertions.assertThatThrownBy(() -> EmbeddedKubernetes.builder().dataDir(data).build())
        .hasMessageContaining(file.toString())
        .hasMessageContaining("repair or delete the file");
  }
}
