package io.computecase.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.api.v1alpha1.Progress;
import io.computecase.local.report.CaseTimeline;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Applies one ComputeCase through the Kubernetes API, as `kubectl apply` would, and follows its
 * status until the operator reports a final phase.
 */
final class CaseRun {
  static final Set<String> FINAL_PHASES = Set.of("Succeeded", "Failed", "Stopped");
  private static final String NAMESPACE = "default";

  private final KubernetesClient client;
  private final String name;
  private final CaseTimeline timeline = new CaseTimeline();

  private CaseRun(KubernetesClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** Creates the case; exactly one of {@code items} and {@code generateCount} is set. */
  static CaseRun create(
      KubernetesClient client,
      String name,
      List<ObjectNode> items,
      Integer generateCount,
      JsonNode parameters) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setItems(items);
    if (generateCount != null) {
      Generate generate = new Generate();
      generate.setCount(generateCount);
      spec.setGenerate(generate);
    }
    spec.setParameters(parameters);
    ComputeCase resource = new ComputeCase();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    resource.setSpec(spec);
    client.resources(ComputeCase.class).inNamespace(NAMESPACE).resource(resource).create();
    return new CaseRun(client, name);
  }

  ComputeCaseStatus status() {
    ComputeCase current =
        client.resources(ComputeCase.class).inNamespace(NAMESPACE).withName(name).get();
    return current == null || current.getStatus() == null
        ? new ComputeCaseStatus()
        : current.getStatus();
  }

  /** The progress samples {@link #follow} recorded, for the case's report. */
  CaseTimeline timeline() {
    return timeline;
  }

  /**
   * Polls the status, showing progress, until a final phase or the deadline; returns the last
   * status.
   */
  ComputeCaseStatus follow(ProgressView view, Duration deadline) throws InterruptedException {
    long start = System.nanoTime();
    ComputeCaseStatus status = status();
    while (status.getPhase() == null || !FINAL_PHASES.contains(status.getPhase())) {
      double seconds = (System.nanoTime() - start) / 1e9;
      if (seconds > deadline.toSeconds()) {
        break;
      }
      Progress p = status.getProgress();
      view.show(
          status.getPhase() == null ? "Pending" : status.getPhase(),
          p == null ? 0 : p.getTotal(),
          p == null ? 0 : p.getSucceeded(),
          p == null ? 0 : p.getFailed(),
          p == null ? 0 : p.getInFlight(),
          seconds);
      timeline.append(
          seconds,
          p == null ? 0 : p.getSucceeded(),
          p == null ? 0 : p.getFailed(),
          p == null ? 0 : p.getInFlight());
      Thread.sleep(200);
      status = status();
    }
    Progress p = status.getProgress();
    if (p != null) {
      double seconds = (System.nanoTime() - start) / 1e9;
      view.show(
          status.getPhase(),
          p.getTotal(),
          p.getSucceeded(),
          p.getFailed(),
          p.getInFlight(),
          seconds);
      timeline.append(seconds, p.getSucceeded(), p.getFailed(), p.getInFlight());
    }
    view.finish();
    return status;
  }
}
