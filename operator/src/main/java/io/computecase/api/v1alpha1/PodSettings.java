package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** Pod settings of a target's worker Deployment. */
public class PodSettings {
  @JsonPropertyDescription(
      "ServiceAccount the workers run as, e.g. one bound to an IAM role (IRSA or EKS Pod"
          + " Identity) allowed sqs:ReceiveMessage/DeleteMessage/ChangeMessageVisibility on the"
          + " target's queue and states:SendTask* ; unset: the namespace's default.")
  @Pattern("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
  private String serviceAccountName;

  @JsonPropertyDescription(
      "Mount the ServiceAccount's Kubernetes API token into the worker pods. Workers never call the"
          + " Kubernetes API, and IRSA or EKS Pod Identity need no such token: unset or false, none"
          + " is mounted.")
  private Boolean automountServiceAccountToken;

  public Boolean getAutomountServiceAccountToken() {
    return automountServiceAccountToken;
  }

  public void setAutomountServiceAccountToken(Boolean automountServiceAccountToken) {
    this.automountServiceAccountToken = automountServiceAccountToken;
  }

  @JsonPropertyDescription(
      "Resources of the worker container; unset: requests of 250m CPU and 256Mi memory.")
  private ResourceRequirements resources;

  private Map<String, String> nodeSelector;
  private List<Toleration> tolerations;
  private List<EnvVar> env;

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }
}
