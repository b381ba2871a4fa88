package io.computecase.operator.target;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.Map;

/**
 * What the worker pods need to pass the "restricted" Pod Security Standard, and to be scheduled
 * sensibly when the target gives no resources: the worker image runs as user 10001 and writes only
 * to /tmp (an emptyDir).
 */
final class WorkerPodSecurity {
  static final String DEFAULT_CPU_REQUEST = "250m";
  static final String DEFAULT_MEMORY_REQUEST = "256Mi";

  private WorkerPodSecurity() {}

  static PodSecurityContext pod() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  static SecurityContext container() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .addToDrop("ALL")
        .endCapabilities()
        .build();
  }

  /**
   * The target's resources, or requests fitting one worker of default concurrency when it gives
   * neither requests nor limits (limits alone are also the requests, as Kubernetes defaults them).
   */
  static ResourceRequirements resources(ResourceRequirements given) {
    if (given != null && (!empty(given.getRequests()) || !empty(given.getLimits()))) {
      return given;
    }
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(DEFAULT_CPU_REQUEST))
        .addToRequests("memory", new Quantity(DEFAULT_MEMORY_REQUEST))
        .build();
  }

  private static boolean empty(Map<String, Quantity> quantities) {
    return quantities == null || quantities.isEmpty();
  }
}
