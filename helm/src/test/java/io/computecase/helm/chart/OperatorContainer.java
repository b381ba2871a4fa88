package io.computecase.helm.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operator Deployment's container, with its environment as a name-to-value map. */
public record OperatorContainer(Deployment deployment, Container container) {

  public static OperatorContainer of(RenderedChart chart) {
    Deployment deployment = chart.only(Deployment.class);
    Container container =
        deployment.getSpec().getTemplate().getSpec().getContainers().stream()
            .filter(c -> c.getName().equals("operator"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no container named operator"));
    return new OperatorContainer(deployment, container);
  }

  /** Plain values; variables set from the downward API map to their field path. */
  public Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      String value =
          variable.getValueFrom() != null && variable.getValueFrom().getFieldRef() != null
              ? "fieldRef:" + variable.getValueFrom().getFieldRef().getFieldPath()
              : variable.getValue();
      if (env.put(variable.getName(), value) != null) {
        throw new AssertionError("environment variable " + variable.getName() + " set twice");
      }
    }
    return env;
  }
}
