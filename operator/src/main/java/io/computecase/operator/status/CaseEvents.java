package io.computecase.operator.status;

import io.computecase.api.v1alpha1.ComputeCase;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kubernetes Events on a case (start, completion, failure, stop), as kubectl describe shows. */
public final class CaseEvents {
  private static final Logger LOG = LoggerFactory.getLogger(CaseEvents.class);
  private final KubernetesClient client;
  private final Clock clock;

  public CaseEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(ComputeCase cc, String reason, String message) {
    emit(cc, "Normal", reason, message);
  }

  public void warning(ComputeCase cc, String reason, String message) {
    emit(cc, "Warning", reason, message);
  }

  private void emit(ComputeCase cc, String type, String reason, String message) {
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                cc.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
            .withNamespace(cc.getMetadata().getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(cc.getApiVersion())
                    .withKind(cc.getKind())
                    .withName(cc.getMetadata().getName())
                    .withNamespace(cc.getMetadata().getNamespace())
                    .withUid(cc.getMetadata().getUid())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource("computecase-operator", null)
            .build();
    try {
      client.v1().events().inNamespace(cc.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // an Event is a courtesy: failing to record one must not fail the reconcile
      LOG.warn(
          "Cannot record Event {} on {}: {}", reason, cc.getMetadata().getName(), e.getMessage());
    }
  }
}
