package io.computecase.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/** ComputeCase manifests as users write them, and the CRDs they need, applied with kubectl. */
final class CaseManifests {
  private CaseManifests() {}

  /** Applies crds/ with kubectl and waits until the server serves both kinds. */
  static void installCrds(RealCluster cluster) {
    RealCluster.Result applied =
        cluster.kubectl(
            "apply",
            "--server-side",
            "--force-conflicts",
            "-f",
            RealCluster.repo().resolve("crds").toString());
    assertThat(applied.exit()).as(applied.output()).isZero();
    RealCluster.Result established =
        cluster.kubectl(
            "wait",
            "--for=condition=Established",
            "crd/computecases.computecase.io",
            "crd/computetargets.computecase.io",
            "--timeout=60s");
    assertThat(established.exit()).as(established.output()).isZero();
  }

  /** A ComputeCase manifest; {@code spec} is YAML indented for its place under {@code spec:}. */
  static String computeCase(String name, String spec) {
    return "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nmetadata:\n  name: "
        + name
        + "\nspec:\n  "
        + spec
        + "\n";
  }
}
