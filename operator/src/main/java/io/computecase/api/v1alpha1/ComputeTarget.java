package io.computecase.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A pool of workers that computes items: its queue, the EventBridge rule feeding it, and the worker
 * Deployment. Its name is the target a ComputeCase names (and is unique per account, as the queue
 * computecase-NAME is).
 */
@Group("computecase.io")
@Version("v1alpha1")
@ShortNames("ct")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.readyReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Queue",
    jsonPath = ".status.approximateQueueDepth",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "InFlight",
    jsonPath = ".status.inFlight",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ComputeTarget extends CustomResource<ComputeTargetSpec, ComputeTargetStatus>
    implements Namespaced {

  /** Required: a target without a spec names no image and no computation. */
  @Override
  @Required
  public ComputeTargetSpec getSpec() {
    return super.getSpec();
  }

  @Override
  protected ComputeTargetStatus initStatus() {
    return new ComputeTargetStatus();
  }
}
