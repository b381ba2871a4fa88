package io.computecase.operator.target;

import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.operator.aws.TargetKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which targets a case may name, and the route its item events then carry. A case sees the
 * ComputeTargets of its own namespace (their names, or their routeFrom) and the targets of the
 * whole install; a ComputeTarget in its namespace wins over an install target of the same name. A
 * ComputeTarget in another namespace is never seen, so no team can take another's items.
 */
public final class CaseRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(CaseRoutes.class);

  private final KubernetesClient client;
  private final Collection<String> installWide;

  public CaseRoutes(KubernetesClient client, Collection<String> installWide) {
    this.client = client;
    this.installWide = installWide;
  }

  /** Case target → route key, for a case in this namespace; sorted by case target. */
  public Map<String, String> in(String namespace) {
    Map<String, String> routes = new TreeMap<>();
    installWide.forEach(t -> routes.put(t, TargetKey.installWide(t).route(t)));
    try {
      for (ComputeTarget target :
          client.resources(ComputeTarget.class).inNamespace(namespace).list().getItems()) {
        if (target.getMetadata().getDeletionTimestamp() == null) {
          TargetKey key = TargetKey.namespaced(namespace, target.getMetadata().getName());
          ComputeTargetReconciler.routedTargets(target).forEach(t -> routes.put(t, key.route(t)));
        }
      }
    } catch (KubernetesClientException e) {
      // no ComputeTarget CRD, or no right to list them here: the install's targets still serve
      LOG.debug("Cannot list ComputeTargets in {}: {}", namespace, e.getMessage());
    }
    return routes;
  }
}
