package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.ChartValues;
import io.computecase.helm.chart.PodContainer;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every pod the chart runs (operator and chart-run workers) meets the restricted Pod Security
 * Standard, plus what the JVM needs to live with it.
 */
class PodSecurityTest {

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void containersAreLockedDown(ChartValues values) {
    for (PodContainer pod : deployments(values)) {
      SecurityContext security = pod.container().getSecurityContext();
      assertThat(security.getRunAsNonRoot()).as(pod.name()).isTrue();
      assertThat(security.getReadOnlyRootFilesystem()).as(pod.name()).isTrue();
      assertThat(security.getAllowPrivilegeEscalation()).as(pod.name()).isFalse();
      assertThat(security.getPrivileged()).as(pod.name()).isFalse();
      assertThat(security.getCapabilities().getDrop()).as(pod.name()).containsExactly("ALL");
      assertThat(security.getCapabilities().getAdd()).as(pod.name()).isNullOrEmpty();
      assertThat(security.getSeccompProfile().getType()).as(pod.name()).isEqualTo("RuntimeDefault");

      PodSpec spec = pod.pod();
      assertThat(spec.getSecurityContext().getRunAsNonRoot()).as(pod.name()).isTrue();
      assertThat(spec.getSecurityContext().getRunAsUser()).as(pod.name()).isPositive();
      assertThat(spec.getSecurityContext().getSeccompProfile().getType())
          .as(pod.name())
          .isEqualTo("RuntimeDefault");
      assertThat(spec.getHostNetwork()).as(pod.name()).isNotEqualTo(Boolean.TRUE);
      assertThat(spec.getHostPID()).as(pod.name()).isNotEqualTo(Boolean.TRUE);
      assertThat(spec.getServiceAccountName()).as(pod.name()).isNotBlank();
    }
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void tmpIsAWritableEmptyDirOnTheReadOnlyRoot(ChartValues values) {
    for (PodContainer pod : deployments(values)) {
      String volume =
          pod.container().getVolumeMounts().stream()
              .filter(m -> m.getMountPath().equals("/tmp"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("/tmp is not mounted in " + pod.name()))
              .getName();
      Volume tmp =
          pod.pod().getVolumes().stream()
              .filter(v -> v.getName().equals(volume))
              .findFirst()
              .orElseThrow();
      assertThat(tmp.getEmptyDir()).as(pod.name()).isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void probesHitHealthAndReadinessOnTheHttpPort(ChartValues values) {
    for (PodContainer pod : deployments(values)) {
      int httpPort = Integer.parseInt(pod.env().get("COMPUTECASE_HTTP_PORT"));
      assertThat(pod.container().getPorts())
          .as(pod.name())
          .anySatisfy(
              p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(httpPort);
              });
      assertProbe(pod, pod.container().getLivenessProbe(), "/healthz");
      assertProbe(pod, pod.container().getReadinessProbe(), "/readyz");
    }
    PodContainer operator = PodContainer.operator(values.render());
    assertProbe(operator, operator.container().getStartupProbe(), "/healthz");
  }

  private static void assertProbe(PodContainer pod, Probe probe, String path) {
    assertThat(probe).as("%s probe on %s", pod.name(), path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void requestsAndAMemoryLimitAreSet(ChartValues values) {
    for (PodContainer pod : deployments(values)) {
      assertThat(pod.container().getResources().getRequests())
          .as(pod.name())
          .containsKeys("cpu", "memory");
      Quantity limit = pod.container().getResources().getLimits().get("memory");
      Quantity request = pod.container().getResources().getRequests().get("memory");
      assertThat(limit).as("%s memory limit", pod.name()).isNotNull();
      assertThat(limit.getNumericalAmount()).isGreaterThanOrEqualTo(request.getNumericalAmount());
    }
  }

  private static List<PodContainer> deployments(ChartValues values) {
    List<PodContainer> all = PodContainer.all(values.render());
    assertThat(all).isNotEmpty();
    return all;
  }
}
