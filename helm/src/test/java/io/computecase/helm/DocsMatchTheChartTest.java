package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.helm.chart.ChartSources;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What docs/aws.md, NOTES.txt and the CloudFormation outputs tell users to type exists. */
class DocsMatchTheChartTest {

  private static final Pattern SET_FLAG =
      Pattern.compile("--set(?:-string)?\\s+([A-Za-z0-9_.\\\\\"/-]+?)=");
  private static final Pattern POLICY_FILE =
      Pattern.compile("([a-z-]+-policy\\.json|computecase\\.cfn\\.json)");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  @Test
  void everySetFlagNamesARealValue() throws IOException {
    Map<String, Object> values =
        Serialization.unmarshal(
            Files.readString(ChartSources.chartDir().resolve("values.yaml")), Map.class);
    List<String> sources =
        List.of(
            read(ChartSources.repositoryRoot().resolve("docs/aws.md")),
            read(ChartSources.chartDir().resolve("templates/NOTES.txt")),
            read(ChartSources.repositoryRoot().resolve("docs/aws/computecase.cfn.json")));
    Set<String> keys = new TreeSet<>();
    for (String source : sources) {
      Matcher flag = SET_FLAG.matcher(source);
      while (flag.find()) {
        keys.add(flag.group(1).replace("\\.", "\u0000").replace("\"", ""));
      }
    }
    assertThat(keys)
        .contains("aws.stateMachineRoleArn", "aws.accountId", "operator.image.repository");
    for (String key : keys) {
      assertThat(exists(values, key.split("\\.")))
          .as("--set %s", key.replace('\u0000', '.'))
          .isTrue();
    }
  }

  /** A path exists when every step is a key; free-form maps such as annotations accept any key. */
  @SuppressWarnings("unchecked")
  private static boolean exists(Map<String, Object> values, String[] path) {
    Object node = values;
    for (String step : path) {
      if (!(node instanceof Map)) {
        return false;
      }
      Map<String, Object> map = (Map<String, Object>) node;
      if (map.isEmpty()) {
        return true;
      }
      if (!map.containsKey(step.replace('\u0000', '.'))) {
        return false;
      }
      node = map.get(step.replace('\u0000', '.'));
    }
    return true;
  }

  @Test
  void everyPolicyFileTheGuideNamesExistsAndItsPlaceholdersAreExported() throws IOException {
    String guide = read(ChartSources.repositoryRoot().resolve("docs/aws.md"));
    Matcher file = POLICY_FILE.matcher(guide);
    List<String> files = new ArrayList<>();
    while (file.find()) {
      files.add(file.group(1));
    }
    assertThat(files)
        .contains("operator-policy.json", "worker-policy.json", "state-machine-policy.json");
    for (String name : files) {
      assertThat(ChartSources.repositoryRoot().resolve("docs/aws").resolve(name)).exists();
    }
    for (String name :
        List.of(
            "operator-policy.json",
            "worker-policy.json",
            "state-machine-policy.json",
            "state-machine-trust-policy.json")) {
      Matcher placeholder =
          PLACEHOLDER.matcher(
              read(ChartSources.repositoryRoot().resolve("docs/aws").resolve(name)));
      while (placeholder.find()) {
        assertThat(guide)
            .as("docs/aws.md exports %s for %s", placeholder.group(1), name)
            .containsPattern("(export|\\s)" + placeholder.group(1) + "=");
      }
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
