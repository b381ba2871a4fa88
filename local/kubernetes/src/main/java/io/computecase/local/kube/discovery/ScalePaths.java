package io.computecase.local.kube.discovery;

/**
 * Where a kind with a scale subresource keeps its replicas (the CRD's subresources.scale).
 *
 * @param labelSelectorPath where the selector string is, or null to derive it from
 *     spec.selector.matchLabels as Deployments do
 */
public record ScalePaths(
    String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {

  /** The replicas of apps/v1 Deployments. */
  public static final ScalePaths DEPLOYMENT =
      new ScalePaths(".spec.replicas", ".status.replicas", null);
}
