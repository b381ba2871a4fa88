package io.computecase.operator.target;

import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.operator.config.TargetKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
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

  /**
   * Where a case target's items go: the route key its events carry, the target that serves it, and
   * whether that target's queue and rule exist for its current spec. Items put on the bus before
   * its rule exists would match nothing and be lost, so a case waits for a target that is not ready
   * yet.
   */
  public record Route(String key, TargetKey target, boolean ready) {}

  /** Case target → its route, for a case in this namespace; sorted by case target. */
  public Map<String, Route> in(String namespace) {
    Map<String, Route> routes = new TreeMap<>();
    installWide.forEach(
        t ->
            routes.put(
                t, new Route(TargetKey.installWide(t).route(t), TargetKey.installWide(t), true)));
    try {
      for (ComputeTarget target :
          client.resources(ComputeTarget.class).inNamespace(namespace).list().getItems()) {
        if (target.getMetadata().getDeletionTimestamp() == null) {
          TargetKey key = TargetKey.namespaced(namespace, target.getMetadata().getName());
          boolean ready = ready(target);
          ComputeTargetReconciler.routedTargets(target)
              .forEach(t -> routes.put(t, new Route(key.route(t), key, ready)));
        }
      }
    } catch (KubernetesClientException e) {
      // no ComputeTarget CRD, or no right to list them here: the install's targets still serve
      LOG.debug("Cannot list ComputeTargets in {}: {}", namespace, e.getMessage());
    }
    return routes;
  }

  /** Provisioned for the spec it has now: Ready, at its current generation. */
  private static boolean ready(ComputeTarget target) {
    var status = target.getStatus();
    if (status == null
        || status.getConditions() == null
        || !Objects.equals(status.getObservedGeneration(), target.getMetadata().getGeneration())) {
      return false;
    }
    return status.getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
