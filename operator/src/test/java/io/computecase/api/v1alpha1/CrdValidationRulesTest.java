package io.computecase.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ComputeCase CRD's CEL rules (x-kubernetes-validations on spec), compiled and run with
 * Google's CEL as an API server runs them: a rule that does not compile would get the whole CRD
 * refused.
 */
class CrdValidationRulesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private static List<JsonNode> rules;
  private static List<JsonNode> itemsFromRules;

  @BeforeAll
  static void read() throws Exception {
    Path committed = Path.of(System.getProperty("computecase.committedCrds", "../crds"));
    JsonNode crd =
        YAML.readTree(Files.readString(committed.resolve("computecases.computecase.io-v1.yml")));
    rules = new ArrayList<>();
    crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/x-kubernetes-validations")
        .forEach(rules::add);
    itemsFromRules = new ArrayList<>();
    crd.at(
            "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/itemsFrom"
                + "/x-kubernetes-validations")
        .forEach(itemsFromRules::add);
  }

  @Test
  void itemsFromGivesExactlyOneOfAConfigMapKeyAndAnS3Object() throws Exception {
    assertThat(itemsFromRules).singleElement();
    JsonNode rule = itemsFromRules.get(0);
    assertThat(rule.path("message").asText())
        .contains("exactly one of spec.itemsFrom.configMapKeyRef or spec.itemsFrom.s3");
    String cel = rule.get("rule").asText();
    String configMap = "\"configMapKeyRef\": {\"name\": \"d\", \"key\": \"k\"}";
    String s3 = "\"s3\": {\"bucket\": \"my-items\", \"key\": \"a.jsonl\"}";
    assertThat(holds(cel, object("{" + configMap + "}"), null)).isTrue();
    assertThat(holds(cel, object("{" + s3 + "}"), null)).isTrue();
    assertThat(holds(cel, object("{" + configMap + ", " + s3 + "}"), null)).isFalse();
    assertThat(holds(cel, object("{}"), null)).isFalse();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) throws Exception {
    return (Map<String, Object>) java(YAML.readTree(json));
  }

  @Test
  void everyRuleCompiles() throws Exception {
    assertThat(rules).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode rule : rules) {
      assertThat(COMPILER.compile(rule.get("rule").asText()).getAst()).isNotNull();
    }
  }

  @Test
  void aHeartbeatMustBeShorterThanTheItemTimeout() throws Exception {
    String rule = rule("heartbeatSeconds must be smaller");
    assertThat(holds(rule, spec("\"heartbeatSeconds\": 30, \"itemTimeoutSeconds\": 30"), null))
        .isFalse();
    assertThat(holds(rule, spec("\"heartbeatSeconds\": 29, \"itemTimeoutSeconds\": 30"), null))
        .isTrue();
    assertThat(holds(rule, spec("\"itemTimeoutSeconds\": 30"), null)).isTrue();
  }

  @Test
  void onlyMaxConcurrencyAndTtlChangeAfterCreation() throws Exception {
    String rule = rule("only spec.maxConcurrency");
    Map<String, Object> old =
        spec("\"retry\": {\"maxAttempts\": 1, \"intervalSeconds\": 1, \"backoffRate\": 2.0}");
    assertThat(
            holds(
                rule,
                spec(
                    "\"retry\": {\"maxAttempts\": 3, \"intervalSeconds\": 1, \"backoffRate\": 2.0}"),
                old))
        .isFalse();
    assertThat(holds(rule, spec("\"heartbeatSeconds\": 10"), spec(""))).isFalse();
    assertThat(holds(rule, spec("\"toleratedFailureCount\": 2"), spec(""))).isFalse();
    Map<String, Object> faster = spec("\"maxConcurrency\": 5, \"ttlSecondsAfterFinished\": 60");
    assertThat(holds(rule, faster, spec("\"maxConcurrency\": 50"))).isTrue();
  }

  @Test
  void exactlyOneItemSource() throws Exception {
    String rule = rule("exactly one of spec.items");
    assertThat(holds(rule, spec(""), null)).isTrue();
    Map<String, Object> both = spec("\"items\": [{\"caseId\": \"0\"}]");
    assertThat(holds(rule, both, null)).isFalse();
  }

  private static String rule(String messageStart) {
    return rules.stream()
        .filter(r -> r.path("message").asText().contains(messageStart))
        .map(r -> r.get("rule").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rule with message " + messageStart));
  }

  /** A spec with generate.count 2 (one item source), target default, plus the given fields. */
  private static Map<String, Object> spec(String fields) throws Exception {
    String json =
        "{\"generate\": {\"count\": 2}, \"target\": \"default\""
            + (fields.isEmpty() ? "" : ", " + fields)
            + "}";
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) java(YAML.readTree(json));
    return spec;
  }

  private static boolean holds(String rule, Map<String, Object> self, Map<String, Object> oldSelf)
      throws Exception {
    CelAbstractSyntaxTree ast = COMPILER.compile(rule).getAst();
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("self", self);
    vars.put("oldSelf", oldSelf == null ? self : oldSelf);
    return (Boolean) RUNTIME.createProgram(ast).eval(vars);
  }

  /** JSON as CEL's runtime expects it: maps, lists, longs, doubles, strings, booleans. */
  private static Object java(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), java(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(java(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }
}
