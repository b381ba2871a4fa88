package io.computecase.helm.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chart rendered by Helm's own engine (helm-java, no helm binary), parsed into fabric8 model
 * objects: typed for the built-in kinds, GenericKubernetesResource for custom ones.
 */
public final class RenderedChart {

  public static final String RELEASE = "cc";
  public static final String NAMESPACE = "computecase-system";

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private final String yaml;
  private final List<HasMetadata> resources;

  private RenderedChart(String yaml, List<HasMetadata> resources) {
    this.yaml = yaml;
    this.resources = List.copyOf(resources);
  }

  /** Renders with the chart's own values.yaml. */
  public static RenderedChart withDefaults() {
    return render(List.of(), Map.of());
  }

  /** Renders with values files (later ones win) and --set overrides. */
  public static RenderedChart render(List<Path> valuesFiles, Map<String, Object> sets) {
    return render(RELEASE, valuesFiles, sets);
  }

  /** Renders as a release of the given name, e.g. the "computecase" that docs/aws.md installs. */
  public static RenderedChart render(
      String release, List<Path> valuesFiles, Map<String, Object> sets) {
    TemplateCommand command =
        new Helm(ChartSources.chartDir()).template().withName(release).withNamespace(NAMESPACE);
    valuesFiles.forEach(command::withValuesFile);
    sets.forEach(command::set);
    String yaml = command.call();
    return new RenderedChart(yaml, parse(yaml));
  }

  private static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> parsed = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      parsed.add(Serialization.unmarshal(document, HasMetadata.class));
    }
    return parsed;
  }

  public String yaml() {
    return yaml;
  }

  public List<HasMetadata> resources() {
    return resources;
  }

  /** All rendered resources of one model type, e.g. Deployment.class. */
  public <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The one resource of a type, failing with the list of what was rendered when it is not one. */
  public <T extends HasMetadata> T only(Class<T> type) {
    List<T> matches = all(type);
    if (matches.size() != 1) {
      throw new AssertionError(
          "expected one "
              + type.getSimpleName()
              + " but rendered "
              + matches.size()
              + ": "
              + kinds());
    }
    return matches.get(0);
  }

  public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
    return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
  }

  /** Resources by kind, for custom kinds that have no fabric8 model class. */
  public List<HasMetadata> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.getKind())).toList();
  }

  public List<String> kinds() {
    return resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList();
  }
}
