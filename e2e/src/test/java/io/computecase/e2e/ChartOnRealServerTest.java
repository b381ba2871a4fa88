package io.computecase.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Helm chart with the real helm binary on the real API server: {@code helm install} of the
 * defaults, and every value set the chart's own tests render applied with {@code kubectl apply
 * --dry-run=server}, so the server's schemas, admission and RBAC rules judge each manifest.
 */
@RealApiServerTest
class ChartOnRealServerTest {
  private static final String RELEASE_NAMESPACE = "chart-install";
  private static final String DRY_RUN_NAMESPACE = "chart-dry-run";

  private static RealCluster cluster;

  @BeforeAll
  static void prepare() {
    cluster = RealCluster.get();
    // KEDA's and the Prometheus operator's kinds, which the full value sets render
    RealCluster.Result thirdParty =
        cluster.kubectl(
            "apply",
            "-f",
            chart().getParent().resolve("src/test/resources/third-party-crds").toString());
    assertThat(thirdParty.exit()).as(thirdParty.output()).isZero();
    // the namespaces the value sets name (the release's, and watchNamespaces' team-a and team-b)
    for (String namespace : List.of(DRY_RUN_NAMESPACE, "team-a", "team-b")) {
      cluster.kubectl("create", "namespace", namespace);
    }
    RealCluster.Result established =
        cluster.kubectl("wait", "--for=condition=Established", "crd", "--all", "--timeout=60s");
    assertThat(established.exit()).as(established.output()).isZero();
  }

  static Path chart() {
    return RealCluster.repo().resolve("helm/computecase");
  }

  @Test
  void helmInstallsTheChartAndUninstallsIt() {
    // --force-conflicts: the suite's other tests applied the CRDs with kubectl and fabric8 before,
    // and Helm 4 applies them server-side (the chart's README says so)
    RealCluster.Result installed =
        cluster.helm(
            "install",
            "computecase",
            chart().toString(),
            "-n",
            RELEASE_NAMESPACE,
            "--create-namespace",
            "--force-conflicts");
    assertThat(installed.exit()).as(installed.output()).isZero();
    assertThat(installed.stdout()).contains("STATUS: deployed");
    try {
      assertThat(cluster.kubectl("get", "crd", "computecases.computecase.io").exit()).isZero();
      String replicas =
          cluster
              .kubectl(
                  "get",
                  "deployment",
                  "computecase",
                  "-n",
                  RELEASE_NAMESPACE,
                  "-o",
                  "jsonpath={.spec.replicas}")
              .stdout();
      assertThat(replicas).isEqualTo("2");
      assertThat(cluster.kubectl("get", "computetarget", "default", "-n", RELEASE_NAMESPACE).exit())
          .isZero();
      assertThat(cluster.kubectl("get", "clusterrole", "computecase").exit()).isZero();
      // the operator's ServiceAccount may do what the operator does, and no more than the chart
      // grants
      String operator = "system:serviceaccount:" + RELEASE_NAMESPACE + ":computecase";
      assertThat(canI(operator, "patch", "computecases.computecase.io/status", "team-a"))
          .isEqualTo("yes");
      assertThat(canI(operator, "create", "leases.coordination.k8s.io", RELEASE_NAMESPACE))
          .isEqualTo("yes");
      assertThat(canI(operator, "get", "secrets", "team-a")).isEqualTo("no");
      assertThat(cluster.helm("status", "computecase", "-n", RELEASE_NAMESPACE).stdout())
          .contains("STATUS: deployed");
    } finally {
      RealCluster.Result uninstalled =
          cluster.helm("uninstall", "computecase", "-n", RELEASE_NAMESPACE, "--wait");
      assertThat(uninstalled.exit()).as(uninstalled.output()).isZero();
    }
  }

  /** A value set of the chart's own tests (helm/src/test/resources/values). */
  record ValueSet(String name, List<String> helmArguments) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ValueSet> valueSets() {
    String full = chart().getParent().resolve("src/test/resources/values/full.yaml").toString();
    return Stream.of(
        new ValueSet("defaults", List.of()),
        new ValueSet("full", List.of("-f", full)),
        new ValueSet(
            "full with the chart's workers", List.of("-f", full, "--set", "targetsAs=Deployment")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void everyRenderedManifestIsAcceptedByTheServerInADryRun(ValueSet values) {
    List<String> template =
        new ArrayList<>(
            List.of("template", "computecase", chart().toString(), "-n", DRY_RUN_NAMESPACE));
    template.addAll(values.helmArguments());
    RealCluster.Result rendered = cluster.helm(template.toArray(String[]::new));
    assertThat(rendered.exit()).as(rendered.output()).isZero();

    // no --namespace: the value sets place Roles in their watchNamespaces, which kubectl refuses
    // under another one; objects without a namespace go to the kubeconfig's
    RealCluster.Result dryRun =
        cluster.kubectlWithInput(
            rendered.stdout(), "apply", "--dry-run=server", "--validate=strict", "-f", "-");
    assertThat(dryRun.exit()).as(dryRun.output()).isZero();
    assertThat(dryRun.stderr()).as("warnings from the server").doesNotContain("Warning");
    assertThat(dryRun.stdout()).contains("deployment.apps/computecase created (server dry run)");
  }

  private static String canI(String user, String verb, String resource, String namespace) {
    return cluster
        .kubectl("auth", "can-i", verb, resource, "-n", namespace, "--as", user)
        .stdout()
        .strip();
  }
}
