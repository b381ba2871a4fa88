package io.computecase.local.kube.josdk;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** The ComputeCase kind as a typed resource whose status is just the phase and generation seen. */
@Group("computecase.io")
@Version("v1alpha1")
@Kind("ComputeCase")
@Plural("computecases")
public class Probe extends CustomResource<Probe.Spec, Probe.Status> implements Namespaced {

  /** The part of the ComputeCase spec this test uses. */
  public static class Spec {
    public String target;
    public Integer maxConcurrency;
  }

  /** What the test reconciler records. */
  public static class Status {
    public String phase;
    public Long observedGeneration;
  }
}
