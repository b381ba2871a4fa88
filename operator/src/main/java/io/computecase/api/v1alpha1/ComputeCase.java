package io.computecase.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One request fanned out over a compute target: its items, how to run them, and how it went. */
@Group("computecase.io")
@Version("v1alpha1")
@ShortNames("cc")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Done", jsonPath = ".status.progress.done")
@AdditionalPrinterColumn(
    name = "Failed",
    jsonPath = ".status.progress.failed",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Results", jsonPath = ".status.results.prefix", priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ComputeCase extends CustomResource<ComputeCaseSpec, ComputeCaseStatus>
    implements Namespaced {

  /**
   * Required: a case without a spec has nothing to run, and removing the spec of a started case
   * would leave the operator nothing to observe it by, so the API server refuses both.
   */
  @Override
  @Required
  public ComputeCaseSpec getSpec() {
    return super.getSpec();
  }

  @Override
  protected ComputeCaseStatus initStatus() {
    return new ComputeCaseStatus();
  }
}
