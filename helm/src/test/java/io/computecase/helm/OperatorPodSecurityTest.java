package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.ChartValues;
import io.computecase.helm.chart.OperatorContainer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The restricted Pod Security Standard, plus what the JVM needs to live with it. */
class OperatorPodSecurityTest {

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void containerIsLockedDown(ChartValues values) {
    OperatorContainer operator = OperatorContainer.of(values.render());
    SecurityContext security = operator.container().getSecurityContext();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getPrivileged()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

    PodSpec pod = operator.deployment().getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void tmpIsAWritableEmptyDirOnTheReadOnlyRoot(ChartValues values) {
    OperatorContainer operator = OperatorContainer.of(values.render());
    String volume =
        operator.container().getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/tmp"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("/tmp is not mounted"))
            .getName();
    Volume tmp =
        operator.deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals(volume))
            .findFirst()
            .orElseThrow();
    assertThat(tmp.getEmptyDir()).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void probesHitHealthAndReadinessOnTheHttpPort(ChartValues values) {
    OperatorContainer operator = OperatorContainer.of(values.render());
    Container container = operator.container();
    int httpPort = Integer.parseInt(operator.env().get("COMPUTECASE_HTTP_PORT"));
    assertThat(container.getPorts())
        .anySatisfy(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getContainerPort()).isEqualTo(httpPort);
            });
    assertProbe(container.getLivenessProbe(), "/healthz");
    assertProbe(container.getStartupProbe(), "/healthz");
    assertProbe(container.getReadinessProbe(), "/readyz");
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).as("probe on " + path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void requestsAndMemoryLimitAreSet(ChartValues values) {
    Container container = OperatorContainer.of(values.render()).container();
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    Quantity limit = container.getResources().getLimits().get("memory");
    Quantity request = container.getResources().getRequests().get("memory");
    assertThat(limit.getNumericalAmount()).isGreaterThanOrEqualTo(request.getNumericalAmount());
  }
}
