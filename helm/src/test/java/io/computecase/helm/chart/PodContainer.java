package io.computecase.helm.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rendered Deployment's main container, with its environment as a name-to-value map. */
public record PodContainer(Deployment deployment, Container container) {

  private static final String COMPONENT = "app.kubernetes.io/component";

  /** The operator's Deployment and container. */
  public static PodContainer operator(RenderedChart chart) {
    List<PodContainer> operators = ofComponent(chart, "operator");
    if (operators.size() != 1) {
      throw new AssertionError("expected one operator Deployment but got " + chart.kinds());
    }
    return operators.get(0);
  }

  /** The worker Deployments the chart runs itself (targetsAs=Deployment). */
  public static List<PodContainer> workers(RenderedChart chart) {
    return ofComponent(chart, "worker");
  }

  /** Every Deployment the chart renders. */
  public static List<PodContainer> all(RenderedChart chart) {
    return chart.all(Deployment.class).stream().map(PodContainer::of).toList();
  }

  private static List<PodContainer> ofComponent(RenderedChart chart, String component) {
    return chart.all(Deployment.class).stream()
        .filter(d -> component.equals(d.getMetadata().getLabels().get(COMPONENT)))
        .map(PodContainer::of)
        .toList();
  }

  private static PodContainer of(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    if (containers.size() != 1) {
      throw new AssertionError(
          deployment.getMetadata().getName()
              + " has "
              + containers.size()
              + " containers; the chart's pods have one");
    }
    return new PodContainer(deployment, containers.get(0));
  }

  public PodSpec pod() {
    return deployment.getSpec().getTemplate().getSpec();
  }

  public String name() {
    return deployment.getMetadata().getName();
  }

  /** Plain values; variables set from the downward API map to "fieldRef:" and their path. */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      String value =
          variable.getValueFrom() != null && variable.getValueFrom().getFieldRef() != null
              ? "fieldRef:" + variable.getValueFrom().getFieldRef().getFieldPath()
              : variable.getValue();
      if (env.put(variable.getName(), value) != null) {
        throw new AssertionError(
            name() + " sets environment variable " + variable.getName() + " twice");
      }
    }
    return env;
  }

  @Override
  public String toString() {
    return name();
  }
}
