package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.ChartSources;
import io.computecase.helm.chart.ChartValues;
import io.computecase.helm.chart.MockApiServer;
import io.computecase.helm.chart.RenderedChart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What `helm install` sends, sent to an API server: the chart's CRDs first (as Helm does), then
 * every rendered manifest; each is created and reads back as written.
 */
class MockApiServerAcceptsManifestsTest {

  @ParameterizedTest
  @EnumSource(ChartValues.class)
  void everyRenderedManifestIsCreatedAndReadsBack(ChartValues values) throws IOException {
    RenderedChart chart = values.render();
    try (MockApiServer api = MockApiServer.start()) {
      KubernetesClient client = api.client();
      for (CustomResourceDefinition crd : crds()) {
        client.resource(crd).create();
      }
      for (String namespace : namespacesOf(chart)) {
        client
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
            .create();
      }
      for (HasMetadata resource : chart.resources()) {
        HasMetadata created = client.resource(resource).create();
        assertThat(created.getMetadata().getUid()).as(describe(resource)).isNotBlank();
        HasMetadata stored = client.resource(resource).get();
        assertThat(stored).as(describe(resource)).isNotNull();
        assertThat(stored.getMetadata().getLabels())
            .as(describe(resource))
            .containsAllEntriesOf(resource.getMetadata().getLabels());
      }
      for (Deployment sent : chart.all(Deployment.class)) {
        Deployment stored =
            client
                .apps()
                .deployments()
                .inNamespace(RenderedChart.NAMESPACE)
                .withName(sent.getMetadata().getName())
                .get();
        assertThat(stored.getSpec()).as(describe(sent)).isEqualTo(sent.getSpec());
      }
    }
  }

  private static String describe(HasMetadata resource) {
    return resource.getKind()
        + " "
        + resource.getMetadata().getNamespace()
        + "/"
        + resource.getMetadata().getName();
  }

  private static Set<String> namespacesOf(RenderedChart chart) {
    Set<String> namespaces = new TreeSet<>();
    chart.resources().stream()
        .map(r -> r.getMetadata().getNamespace())
        .filter(ns -> ns != null)
        .forEach(namespaces::add);
    namespaces.add(RenderedChart.NAMESPACE);
    return namespaces;
  }

  /** The chart's own CRDs, plus those of KEDA and the Prometheus Operator the full values use. */
  static List<CustomResourceDefinition> crds() throws IOException {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path dir :
        List.of(
            ChartSources.chartDir().resolve("crds"),
            ChartSources.moduleDir().resolve("src/test/resources/third-party-crds"))) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
          try (InputStream in = Files.newInputStream(file)) {
            crds.add(Serialization.unmarshal(in, CustomResourceDefinition.class));
          }
        }
      }
    }
    return crds;
  }
}
