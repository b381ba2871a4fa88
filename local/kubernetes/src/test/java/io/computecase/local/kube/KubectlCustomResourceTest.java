package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl apply, get, describe, explain, patch and server-side apply of a custom resource. */
class KubectlCustomResourceTest {

  @TempDir Path dir;
  private EmbeddedKubernetes server;
  private Kubectl kubectl;

  @BeforeEach
  void startServerAndApplyCrd() {
    Kubectl.assumeInstalled();
    server = EmbeddedKubernetes.builder().build();
    kubectl = new Kubectl(server.writeKubeconfig(dir.resolve("kubeconfig")));
    Kubectl.Result crd = kubectl.run("apply", "-f", ComputeCases.CRD_FILE.toString());
    assertThat(crd.out())
        .as(crd.toString())
        .contains(
            "customresourcedefinition.apiextensions.k8s.io/computecases.computecase.io created");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void applyThenGetShowsThePrinterColumns() {
    Kubectl.Result applied = kubectl.run("apply", "-f", ComputeCases.CASE_FILE.toString());
    assertThat(applied.out())
        .as(applied.toString())
        .contains("computecase.computecase.io/demo created");
    GenericKubernetesResource demo = ComputeCases.named(server.client(), "demo").get();
    demo.setAdditionalProperty(
        "status", Map.of("phase", "Running", "progress", Map.of("done", "40/100", "failed", 2)));
    ComputeCases.cases(server.client()).resource(demo).updateStatus();

    Kubectl.Result get = kubectl.run("get", "computecases");

    assertThat(get.exitCode()).as(get.toString()).isZero();
    assertThat(get.out().lines().toList().get(0).split("\\s+"))
        .containsExactly("NAME", "PHASE", "DONE", "FAILED", "AGE");
    assertThat(get.out().lines().toList().get(1).split("\\s+"))
        .startsWith("demo", "Running", "40/100", "2");
  }

  @Test
  void shortNameAndYamlOutputShowServerFields() {
    kubectl.run("apply", "-f", ComputeCases.CASE_FILE.toString());

    Kubectl.Result yaml = kubectl.run("get", "cc", "demo", "-o", "yaml");

    assertThat(yaml.out())
        .as(yaml.toString())
        .contains(
            "uid: ",
            "resourceVersion: ",
            "generation: 1",
            "creationTimestamp: ",
            "maxConcurrency: 10",
            "target: pricing");
  }

  @Test
  void describeShowsTheSpecAndOnlyThisObjectsEvents() {
    kubectl.run("apply", "-f", ComputeCases.CASE_FILE.toString());
    GenericKubernetesResource demo = ComputeCases.named(server.client(), "demo").get();
    recordEvent(
        "demo-started",
        demo.getMetadata().getName(),
        demo.getMetadata().getUid(),
        "ExecutionStarted",
        "started execution arn:aws:states:demo");
    recordEvent("other-started", "other", "0000", "ExecutionStarted", "started another case");

    Kubectl.Result describe = kubectl.run("describe", "computecase", "demo");

    assertThat(describe.exitCode()).as(describe.toString()).isZero();
    assertThat(describe.out())
        .contains(
            "Name:         demo",
            "Kind:         ComputeCase",
            "Max Concurrency:  10",
            "Target:",
            "ExecutionStarted",
            "started execution arn:aws:states:demo");
    assertThat(describe.out()).doesNotContain("started another case");
    Kubectl.Result events = kubectl.run("get", "events");
    assertThat(events.out().lines().findFirst().orElse("").split("\\s+"))
        .containsExactly("NAME", "LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
    assertThat(events.out()).contains("ExecutionStarted", "started another case");
  }

  private void recordEvent(
      String name, String objectName, String uid, String reason, String message) {
    server
        .client()
        .v1()
        .events()
        .inNamespace("default")
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion("computecase.io/v1alpha1")
                .withKind("ComputeCase")
                .withName(objectName)
                .withNamespace("default")
                .withUid(uid)
                .endInvolvedObject()
                .withType("Normal")
                .withReason(reason)
                .withMessage(message)
                .withCount(1)
                .withFirstTimestamp("2026-01-01T00:00:00Z")
                .withLastTimestamp("2026-01-01T00:00:00Z")
                .withNewSource()
                .withComponent("computecase-operator")
                .endSource()
                .build())
        .create();
  }

  @Test
  void explainDescribesTheSpecFromTheCrdSchema() {
    Kubectl.Result explain = kubectl.run("explain", "computecase.spec");

    assertThat(explain.exitCode()).as(explain.toString()).isZero();
    assertThat(explain.out())
        .contains(
            "KIND:       ComputeCase",
            "maxConcurrency\t<integer>",
            "Items computed at once; 0 means unbounded.",
            "target\t<string>");
  }

  @Test
  void mergePatchChangesTheSpecAndBumpsTheGeneration() {
    kubectl.run("apply", "-f", ComputeCases.CASE_FILE.toString());

    Kubectl.Result patch =
        kubectl.run(
            "patch", "cc", "demo", "--type", "merge", "-p", "{\"spec\":{\"maxConcurrency\":25}}");

    assertThat(patch.out())
        .as(patch.toString())
        .contains("computecase.computecase.io/demo patched");
    Kubectl.Result values =
        kubectl.run(
            "get", "cc", "demo", "-o", "jsonpath={.spec.maxConcurrency} {.metadata.generation}");
    assertThat(values.out()).isEqualTo("25 2");
  }

  @Test
  void reapplyingAChangedFileConfiguresTheResource() throws Exception {
    kubectl.run("apply", "-f", ComputeCases.CASE_FILE.toString());
    Path changed = dir.resolve("changed.yaml");
    Files.writeString(
        changed,
        Files.readString(ComputeCases.CASE_FILE)
            .replace("maxConcurrency: 10", "maxConcurrency: 3"));

    Kubectl.Result apply = kubectl.run("apply", "-f", changed.toString());

    assertThat(apply.out())
        .as(apply.toString())
        .contains("computecase.computecase.io/demo configured");
    assertThat(kubectl.run("get", "cc", "demo", "-o", "jsonpath={.spec.maxConcurrency}").out())
        .isEqualTo("3");
  }

  @Test
  void serverSideApplyCreatesThenMerges() throws Exception {
    Path file = dir.resolve("ssa.yaml");
    Files.writeString(
        file,
        """
        apiVersion: computecase.io/v1alpha1
        kind: ComputeCase
        metadata:
          name: ssa
        spec:
          target: first
          maxConcurrency: 1
        """);
    Kubectl.Result created = kubectl.run("apply", "--server-side", "-f", file.toString());
    assertThat(created.out())
        .as(created.toString())
        .contains("computecase.computecase.io/ssa serverside-applied");

    Files.writeString(file, Files.readString(file).replace("target: first", "target: second"));
    Kubectl.Result updated = kubectl.run("apply", "--server-side", "-f", file.toString());

    assertThat(updated.exitCode()).as(updated.toString()).isZero();
    assertThat(
            kubectl
                .run(
                    "get",
                    "cc",
                    "ssa",
                    "-o",
                    "jsonpath={.spec.target} {.spec.maxConcurrency} {.metadata.generation}")
                .out())
        .isEqualTo("second 1 2");
  }

  @Test
  void unknownFieldIsRejectedNamingTheField() throws Exception {
    Path file = dir.resolve("unknown.yaml");
    Files.writeString(
        file,
        """
        apiVersion: computecase.io/v1alpha1
        kind: ComputeCase
        metadata:
          name: typo
        spec:
          maxConcurency: 5
        """);

    Kubectl.Result apply = kubectl.run("apply", "-f", file.toString());

    assertThat(apply.exitCode()).isNotZero();
    assertThat(apply.err()).contains("strict decoding error: unknown field \"spec.maxConcurency\"");
    assertThat(kubectl.run("get", "cc", "typo").err()).contains("\"typo\" not found");
  }

  @Test
  void wrongTypeIsRejectedNamingTheFieldAndTheType() throws Exception {
    Path file = dir.resolve("wrong.yaml");
    Files.writeString(
        file,
        """
        apiVersion: computecase.io/v1alpha1
        kind: ComputeCase
        metadata:
          name: wrong
        spec:
          maxConcurrency: many
          toleratedFailurePercentage: 150
        """);

    Kubectl.Result apply = kubectl.run("apply", "-f", file.toString());

    assertThat(apply.exitCode()).isNotZero();
    assertThat(apply.err())
        .contains(
            "The ComputeCase \"wrong\" is invalid",
            "spec.maxConcurrency: Invalid value: \"string\": spec.maxConcurrency in body must be of"
                + " type integer",
            "spec.toleratedFailurePercentage: Invalid value: 150: spec.toleratedFailurePercentage"
                + " in body should be less than or equal to 100");
  }

  @Test
  void schemaDefaultsAreFilledIn() throws Exception {
    Path file = dir.resolve("defaults.yaml");
    Files.writeString(
        file,
        """
        apiVersion: computecase.io/v1alpha1
        kind: ComputeCase
        metadata:
          name: defaults
        spec:
          maxConcurrency: 2
        """);

    kubectl.run("apply", "-f", file.toString());

    assertThat(kubectl.run("get", "cc", "defaults", "-o", "jsonpath={.spec.target}").out())
        .isEqualTo("default");
  }

  @Test
  void unknownResourceTypeIsReportedByKubectl() {
    Kubectl.Result get = kubectl.run("get", "computetargets");

    assertThat(get.exitCode()).isNotZero();
    assertThat(get.err()).contains("the server doesn't have a resource type \"computetargets\"");
  }

  @Test
  void diffShowsTheChangeWithoutMakingIt() throws Exception {
    kubectl.run("apply", "-f", ComputeCases.CASE_FILE.toString());
    Path changed = dir.resolve("changed.yaml");
    Files.writeString(
        changed,
        Files.readString(ComputeCases.CASE_FILE)
            .replace("maxConcurrency: 10", "maxConcurrency: 30"));

    Kubectl.Result diff = kubectl.run("diff", "-f", changed.toString());

    assertThat(diff.out())
        .as(diff.toString())
        .contains("-  maxConcurrency: 10", "+  maxConcurrency: 30");
    assertThat(kubectl.run("get", "cc", "demo", "-o", "jsonpath={.spec.maxConcurrency}").out())
        .isEqualTo("10");
  }

  @Test
  void serverDryRunCreatesNothing() {
    Kubectl.Result dryRun =
        kubectl.run("apply", "--dry-run=server", "-f", ComputeCases.CASE_FILE.toString());

    assertThat(dryRun.out()).as(dryRun.toString()).contains("created (server dry run)");
    assertThat(kubectl.run("get", "cc", "demo").err()).contains("\"demo\" not found");
  }

  @Test
  void aCrdWhoseNameDoesNotMatchItsNamesIsRejected() throws Exception {
    Path file = dir.resolve("bad-crd.yaml");
    Files.writeString(
        file,
        Files.readString(ComputeCases.CRD_FILE)
            .replace("name: computecases.computecase.io", "name: cases.computecase.io"));

    Kubectl.Result apply = kubectl.run("apply", "-f", file.toString());

    assertThat(apply.exitCode()).isNotZero();
    assertThat(apply.err())
        .contains(
            "The CustomResourceDefinition \"cases.computecase.io\" is invalid",
            "metadata.name: Invalid value: \"cases.computecase.io\": must be"
                + " spec.names.plural+\".\"+spec.group (computecases.computecase.io)");
  }
}
