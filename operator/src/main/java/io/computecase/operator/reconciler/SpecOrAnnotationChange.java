package io.computecase.operator.reconciler;

import io.computecase.api.v1alpha1.ComputeCase;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Lets through the updates a case's reconcile must see (spec, annotations such as the redrive
 * request, finalizers, deletion) and drops status-only updates, which the operator wrote itself:
 * running cases are polled anyway, so echoes of its own writes would only double the AWS calls.
 */
public final class SpecOrAnnotationChange implements OnUpdateFilter<ComputeCase> {
  @Override
  public boolean accept(ComputeCase updated, ComputeCase previous) {
    ObjectMeta now = updated.getMetadata();
    ObjectMeta before = previous.getMetadata();
    return !Objects.equals(now.getGeneration(), before.getGeneration())
        || !Objects.equals(now.getAnnotations(), before.getAnnotations())
        || !Objects.equals(now.getFinalizers(), before.getFinalizers())
        || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp());
  }
}
