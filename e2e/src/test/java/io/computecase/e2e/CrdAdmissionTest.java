package io.computecase.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.local.kube.EmbeddedKubernetes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed ComputeCase or ComputeTarget that the CRDs' schema or CEL rules can express is
 * refused at {@code kubectl apply} by the real API server, naming the field; and the embedded API
 * server refuses the same manifest with the same error line, since any difference is its bug.
 */
@RealApiServerTest
class CrdAdmissionTest {
  private static final String NAMESPACE = "crd-admission";

  @TempDir static Path tmp;
  private static RealCluster real;
  private static EmbeddedKubernetes embedded;
  private static Path embeddedKubeconfig;

  @BeforeAll
  static void installCrds() {
    real = RealCluster.get();
    CaseManifests.installCrds(real);
    real.kubectl("create", "namespace", NAMESPACE);
    embedded = EmbeddedKubernetes.builder().port(0).build();
    embeddedKubeconfig = embedded.writeKubeconfig(tmp.resolve("embedded-kubeconfig"));
    RealCluster.Result crds =
        embeddedKubectl(null, "apply", "-f", RealCluster.repo().resolve("crds").toString());
    assertThat(crds.exit()).as(crds.output()).isZero();
    embeddedKubectl(null, "create", "namespace", NAMESPACE);
  }

  @AfterAll
  static void cleanUp() {
    if (real != null) {
      real.kubectl("delete", "namespace", NAMESPACE, "--wait=false");
    }
    if (embedded != null) {
      embedded.close();
    }
  }

  /** A manifest the API server must refuse, and the field its error must name. */
  record Refusal(String name, String manifest, String field) {
    Refusal withName(String objectName) {
      return new Refusal(
          name, manifest.replaceFirst("(?m)^  name: .*$", "  name: " + objectName), field);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Refusal> refusals() {
    return Stream.of(
        computeCase(
            "both items and generate", "items: [{caseId: a}]\n  generate: {count: 2}", "spec"),
        computeCase("no item source", "target: default", "spec"),
        computeCase(
            "items and itemsFrom",
            "items: [{caseId: a}]\n  itemsFrom: {configMapKeyRef: {name: m, key: k}}",
            "spec"),
        computeCase("generate.count zero", "generate: {count: 0}", "spec.generate.count"),
        computeCase(
            "generate.count two billion", "generate: {count: 2000000000}", "spec.generate.count"),
        computeCase("generate without count", "generate: {}", "spec.generate.count"),
        computeCase("generate.count a string", "generate: {count: many}", "spec.generate.count"),
        computeCase(
            "maxConcurrency a string",
            "generate: {count: 2}\n  maxConcurrency: many",
            "spec.maxConcurrency"),
        computeCase(
            "maxConcurrency negative",
            "generate: {count: 2}\n  maxConcurrency: -1",
            "spec.maxConcurrency"),
        computeCase(
            "target with a space", "generate: {count: 2}\n  target: \"gpu pool\"", "spec.target"),
        computeCase(
            "requestId too long",
            "generate: {count: 2}\n  requestId: " + "r".repeat(81),
            "spec.requestId"),
        computeCase(
            "retry.maxAttempts over 10",
            "generate: {count: 2}\n  retry: {maxAttempts: 11}",
            "spec.retry.maxAttempts"),
        computeCase(
            "retry.backoffRate under 1",
            "generate: {count: 2}\n  retry: {backoffRate: 0.5}",
            "spec.retry.backoffRate"),
        computeCase(
            "retry.intervalSeconds over an hour",
            "generate: {count: 2}\n  retry: {intervalSeconds: 3601}",
            "spec.retry.intervalSeconds"),
        computeCase(
            "toleratedFailurePercentage over 100",
            "generate: {count: 2}\n  toleratedFailurePercentage: 101",
            "spec.toleratedFailurePercentage"),
        computeCase(
            "toleratedFailureCount negative",
            "generate: {count: 2}\n  toleratedFailureCount: -1",
            "spec.toleratedFailureCount"),
        computeCase(
            "itemTimeoutSeconds zero",
            "generate: {count: 2}\n  itemTimeoutSeconds: 0",
            "spec.itemTimeoutSeconds"),
        computeCase(
            "heartbeat not under the timeout",
            "generate: {count: 2}\n  itemTimeoutSeconds: 30\n  heartbeatSeconds: 30",
            "spec"),
        computeCase(
            "ttlSecondsAfterFinished negative",
            "generate: {count: 2}\n  ttlSecondsAfterFinished: -5",
            "spec.ttlSecondsAfterFinished"),
        computeCase(
            "configMapKeyRef without key",
            "itemsFrom: {configMapKeyRef: {name: m}}",
            "spec.itemsFrom.configMapKeyRef.key"),
        computeCase("items not a list", "items: abc", "spec.items"),
        computeCase("an unknown field", "generate: {count: 2}\n  itemz: [1]", "spec.itemz"),
        computeCase("a name with capitals", "generate: {count: 2}", "metadata.name")
            .withName("Bad_Name"),
        new Refusal(
            "a case without spec",
            "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nmetadata:\n  name: no-spec\n",
            "spec"),
        new Refusal(
            "a target without spec",
            "apiVersion: computecase.io/v1alpha1\nkind: ComputeTarget\nmetadata:\n  name: no-spec\n",
            "spec"),
        computeTarget("target without image", "replicas: 1", "spec.image"),
        computeTarget(
            "target replicas negative", "image: worker:1\n  replicas: -1", "spec.replicas"),
        computeTarget(
            "target concurrency over 10000",
            "image: worker:1\n  concurrency: 10001",
            "spec.concurrency"),
        computeTarget(
            "target maxReceiveCount zero",
            "image: worker:1\n  maxReceiveCount: 0",
            "spec.maxReceiveCount"),
        computeTarget(
            "target visibility over 12 hours",
            "image: worker:1\n  visibilityTimeoutSeconds: 43201",
            "spec.visibilityTimeoutSeconds"),
        computeTarget(
            "target service account with capitals",
            "image: worker:1\n  pod: {serviceAccountName: Workers}",
            "spec.pod.serviceAccountName"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void theRealServerRefusesNamingTheFieldAndTheEmbeddedOneAgrees(Refusal refusal) throws Exception {
    RealCluster.Result onReal =
        real.kubectlWithInput(refusal.manifest(), "apply", "-n", NAMESPACE, "-f", "-");
    assertThat(onReal.exit())
        .as("real server accepted %s: %s", refusal, onReal.output())
        .isNotZero();
    assertThat(onReal.stderr()).contains(refusal.field());

    RealCluster.Result onEmbedded =
        embeddedKubectl(refusal.manifest(), "apply", "-n", NAMESPACE, "-f", "-");
    assertThat(onEmbedded.exit())
        .as("embedded server accepted %s: %s", refusal, onEmbedded.output())
        .isNotZero();
    assertThat(errorLine(onEmbedded.stderr())).isEqualTo(errorLine(onReal.stderr()));
  }

  @Test
  void aChangeOfAnImmutableFieldIsRefusedOnUpdateOnBothServers() {
    String created =
        CaseManifests.computeCase("immutable", "generate: {count: 2}\n  target: default");
    String changed =
        CaseManifests.computeCase("immutable", "generate: {count: 2}\n  target: other");
    String faster =
        CaseManifests.computeCase(
            "immutable", "generate: {count: 2}\n  target: default\n  maxConcurrency: 5");
    for (boolean onReal : List.of(true, false)) {
      RealCluster.Result create = apply(onReal, created);
      assertThat(create.exit()).as(create.output()).isZero();
      RealCluster.Result refused = apply(onReal, changed);
      assertThat(refused.exit()).as(refused.output()).isNotZero();
      assertThat(refused.stderr())
          .contains(
              "spec: Forbidden: only spec.maxConcurrency and spec.ttlSecondsAfterFinished change after creation");
      RealCluster.Result allowed = apply(onReal, faster);
      assertThat(allowed.exit()).as(allowed.output()).isZero();
    }
  }

  @Test
  void aValidCaseIsAcceptedWithItsDefaultsOnBothServers() {
    String manifest = CaseManifests.computeCase("defaults", "generate: {count: 3}");
    for (boolean onReal : List.of(true, false)) {
      assertThat(apply(onReal, manifest).exit()).isZero();
      String target =
          onReal
              ? real.kubectl(
                      "get",
                      "cc",
                      "defaults",
                      "-n",
                      NAMESPACE,
                      "-o",
                      "jsonpath={.spec.target}/{.spec.itemTimeoutSeconds}/{.metadata.uid}")
                  .stdout()
              : embeddedKubectl(
                      null,
                      "get",
                      "cc",
                      "defaults",
                      "-n",
                      NAMESPACE,
                      "-o",
                      "jsonpath={.spec.target}/{.spec.itemTimeoutSeconds}/{.metadata.uid}")
                  .stdout();
      assertThat(target).startsWith("default/3600/");
      // a random (version 4) UID, as a real server gives: execution names are derived from it
      assertThat(target.substring("default/3600/".length()))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
  }

  private static RealCluster.Result apply(boolean onReal, String manifest) {
    return onReal
        ? real.kubectlWithInput(manifest, "apply", "-n", NAMESPACE, "-f", "-")
        : embeddedKubectl(manifest, "apply", "-n", NAMESPACE, "-f", "-");
  }

  /** kubectl's error line, without the part that names the server's address. */
  private static String errorLine(String stderr) {
    return stderr.strip().replaceAll("https?://127\\.0\\.0\\.1:\\d+", "<server>");
  }

  private static Refusal computeCase(String name, String spec, String field) {
    return new Refusal(name, CaseManifests.computeCase(slug(name), spec), field);
  }

  private static Refusal computeTarget(String name, String spec, String field) {
    return new Refusal(
        name,
        "apiVersion: computecase.io/v1alpha1\nkind: ComputeTarget\nmetadata:\n  name: "
            + slug(name)
            + "\nspec:\n  "
            + spec
            + "\n",
        field);
  }

  private static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static RealCluster.Result embeddedKubectl(String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(real.kubectlPath().toString());
    command.addAll(List.of(args));
    return RealCluster.exec(command, Map.of("KUBECONFIG", embeddedKubeconfig.toString()), stdin);
  }
}
