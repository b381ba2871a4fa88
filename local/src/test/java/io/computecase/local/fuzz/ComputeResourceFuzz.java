package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.fuzz.KubernetesEndpoint.KubeCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Malformed ComputeCase and ComputeTarget resources: wrong JSON types at every level of the schema,
 * values out of range, huge strings and lists, deep nesting, unknown fields, bad names, bad YAML
 * and JSON, wrong apiVersion or kind, and patches that would make a valid resource invalid. Each is
 * created under a name of its own, so one wrongly accepted cannot hide another.
 */
final class ComputeResourceFuzz {
  static final String CASES = "/apis/computecase.io/v1alpha1/namespaces/default/computecases";
  static final String TARGETS = "/apis/computecase.io/v1alpha1/namespaces/default/computetargets";

  /** A valid ComputeCase the patches start from. */
  static final String VICTIM_CASE = "fuzz-victim";

  /** A valid ComputeTarget (no replicas: it runs no worker) the patches start from. */
  static final String VICTIM_TARGET = "fuzz-victim-target";

  private static final String JSON = "application/json";
  private static final String MERGE = "application/merge-patch+json";
  private static final String JSON_PATCH = "application/json-patch+json";
  private static final String STRATEGIC = "application/strategic-merge-patch+json";
  private static final String APPLY = "application/apply-patch+yaml";

  private final MalformedBodies bodies;
  private final List<KubeCall> calls = new ArrayList<>();
  private int serial;

  private ComputeResourceFuzz(MalformedBodies bodies) {
    this.bodies = bodies;
  }

  static ObjectNode validCase(String name) {
    ObjectNode resource = MalformedBodies.JSON.createObjectNode();
    resource.put("apiVersion", "computecase.io/v1alpha1").put("kind", "ComputeCase");
    resource.putObject("metadata").put("name", name).put("namespace", "default");
    ObjectNode spec = resource.putObject("spec");
    spec.putObject("generate").put("count", 2);
    spec.putObject("parameters").put("computeMs", 1);
    return resource;
  }

  static ObjectNode validTarget(String name) {
    ObjectNode resource = MalformedBodies.JSON.createObjectNode();
    resource.put("apiVersion", "computecase.io/v1alpha1").put("kind", "ComputeTarget");
    resource.putObject("metadata").put("name", name).put("namespace", "default");
    resource.putObject("spec").put("image", "computecase-worker:fuzz").put("replicas", 0);
    return resource;
  }

  /** The valid resources the patches start from. */
  static List<KubeCall> victims() {
    return List.of(
        KubeCall.of(
            "create " + VICTIM_CASE, "POST", CASES, JSON, validCase(VICTIM_CASE).toString()),
        KubeCall.of(
            "create " + VICTIM_TARGET,
            "POST",
            TARGETS,
            JSON,
            validTarget(VICTIM_TARGET).toString()));
  }

  static List<KubeCall> calls(MalformedBodies bodies) {
    ComputeResourceFuzz fuzz = new ComputeResourceFuzz(bodies);
    fuzz.wrongTypes();
    fuzz.outOfRange();
    fuzz.hugeAndDeep();
    fuzz.unknownFields();
    fuzz.badNames();
    fuzz.badDocuments();
    fuzz.wrongApiVersionOrKind();
    fuzz.invalidatingPatches();
    return fuzz.calls;
  }

  private void wrongTypes() {
    for (String type : List.of("string", "array", "number", "boolean")) {
      aCase("spec as " + type, r -> r.set("spec", wrong(type)));
      aTarget("spec as " + type, r -> r.set("spec", wrong(type)));
      aCase("metadata as " + type, r -> r.set("metadata", wrong(type)));
    }
    aCase("no spec", r -> r.remove("spec"));
    aTarget("no spec", r -> r.remove("spec"));
    aCase("spec null", r -> r.putNull("spec"));
    aCase("metadata.name as a number", r -> metadata(r).put("name", 42));
    aCase("metadata.labels as a string", r -> metadata(r).put("labels", "a=b"));
    aCase("a label value as a number", r -> metadata(r).putObject("labels").put("a", 1));
    aCase(
        "an annotation value as an object",
        r -> metadata(r).putObject("annotations").putObject("a"));
    aCase("metadata.finalizers as a string", r -> metadata(r).put("finalizers", "x"));
    for (String field : List.of("generate", "retry", "itemsFrom")) {
      aCase("spec." + field + " as a string", r -> spec(r).put(field, "x"));
      aCase("spec." + field + " as an array", r -> spec(r).putArray(field).add(1));
    }
    aCase("spec.generate.count as a string", r -> spec(r).putObject("generate").put("count", "2"));
    aCase(
        "spec.generate.count as a fraction", r -> spec(r).putObject("generate").put("count", 2.5));
    aCase(
        "spec.generate.count as a boolean", r -> spec(r).putObject("generate").put("count", true));
    aCase(
        "spec.generate.count as an object", r -> spec(r).putObject("generate").putObject("count"));
    aCase("spec.maxConcurrency as a string", r -> spec(r).put("maxConcurrency", "ten"));
    aCase("spec.maxConcurrency as a fraction", r -> spec(r).put("maxConcurrency", 1.5));
    aCase("spec.target as a number", r -> spec(r).put("target", 7));
    aCase("spec.target as an array", r -> spec(r).putArray("target").add("default"));
    aCase("spec.requestId as an object", r -> spec(r).putObject("requestId"));
    aCase(
        "spec.retry.maxAttempts as a string",
        r -> spec(r).putObject("retry").put("maxAttempts", "3"));
    aCase(
        "spec.retry.backoffRate as a boolean",
        r -> spec(r).putObject("retry").put("backoffRate", false));
    aCase(
        "spec.toleratedFailurePercentage as a string",
        r -> spec(r).put("toleratedFailurePercentage", "5%"));
    aCase(
        "spec.ttlSecondsAfterFinished as a string",
        r -> spec(r).put("ttlSecondsAfterFinished", "1h"));
    aCase("spec.heartbeatSeconds as a boolean", r -> spec(r).put("heartbeatSeconds", true));
    aCase(
        "spec.itemsFrom.configMapKeyRef.key as a number",
        r -> {
          spec(r).remove("generate");
          spec(r)
              .putObject("itemsFrom")
              .putObject("configMapKeyRef")
              .put("name", "m")
              .put("key", 1);
        });
    aCase(
        "spec.items as an object",
        r -> {
          spec(r).remove("generate");
          spec(r).putObject("items").put("caseId", "0");
        });
    aCase(
        "spec.items of strings",
        r -> {
          spec(r).remove("generate");
          spec(r).putArray("items").add("a").add("b");
        });
    aCase(
        "spec.items holding null",
        r -> {
          spec(r).remove("generate");
          spec(r).putArray("items").addNull();
        });
    aTarget("spec.image as a number", r -> spec(r).put("image", 1));
    aTarget("spec.replicas as a string", r -> spec(r).put("replicas", "two"));
    aTarget("spec.concurrency as a fraction", r -> spec(r).put("concurrency", 2.5));
    aTarget("spec.pod as a string", r -> spec(r).put("pod", "p"));
    aTarget("spec.pod.env as an object", r -> spec(r).putObject("pod").putObject("env"));
    aTarget(
        "spec.pod.env[0].name as a number",
        r -> spec(r).putObject("pod").putArray("env").addObject().put("name", 5));
    aTarget(
        "spec.pod.nodeSelector value as a number",
        r -> spec(r).putObject("pod").putObject("nodeSelector").put("zone", 1));
    aTarget(
        "spec.pod.resources.limits value as a boolean",
        r -> spec(r).putObject("pod").putObject("resources").putObject("limits").put("cpu", true));
    aTarget(
        "spec.pod.tolerations as a string",
        r -> spec(r).putObject("pod").put("tolerations", "all"));
    aTarget(
        "spec.pod.automountServiceAccountToken as a string",
        r -> spec(r).putObject("pod").put("automountServiceAccountToken", "yes"));
    aTarget("spec.routeFrom as a string", r -> spec(r).put("routeFrom", "default"));
    aTarget("spec.routeFrom of numbers", r -> spec(r).putArray("routeFrom").add(1));
    aTarget("spec.autoscaling as an array", r -> spec(r).putArray("autoscaling"));
    aTarget(
        "spec.computation.kind as a number", r -> spec(r).putObject("computation").put("kind", 3));
    aTarget(
        "spec.computation.execEnvironment as a string",
        r -> spec(r).putObject("computation").put("execEnvironment", "A=B"));
  }

  private void outOfRange() {
    aCase("spec.generate.count 0", r -> spec(r).putObject("generate").put("count", 0));
    aCase(
        "spec.generate.count past 64 bits",
        r -> spec(r).set("generate", parse("{\"count\":123456789012345678901234567890}")));
    aCase("spec.generate.count 1e300", r -> spec(r).set("generate", parse("{\"count\":1e300}")));
    aCase("spec.maxConcurrency -1", r -> spec(r).put("maxConcurrency", -1));
    aCase(
        "spec.toleratedFailurePercentage 1e9", r -> spec(r).put("toleratedFailurePercentage", 1e9));
    aCase(
        "spec.retry.maxAttempts 1000000",
        r -> spec(r).putObject("retry").put("maxAttempts", 1_000_000));
    aCase(
        "spec.itemTimeoutSeconds past a 32-bit int",
        r -> spec(r).put("itemTimeoutSeconds", 4_294_967_296L));
    aCase("both items and generate", r -> spec(r).putArray("items").addObject().put("caseId", "0"));
    aCase("neither items nor generate", r -> spec(r).remove("generate"));
    aTarget("no spec.image", r -> spec(r).remove("image"));
    aTarget("spec.replicas -1", r -> spec(r).put("replicas", -1));
    aTarget("spec.concurrency 0", r -> spec(r).put("concurrency", 0));
    aTarget(
        "spec.visibilityTimeoutSeconds 43201",
        r -> spec(r).put("visibilityTimeoutSeconds", 43_201));
    aTarget("spec.maxReceiveCount 1001", r -> spec(r).put("maxReceiveCount", 1001));
    aTarget(
        "spec.autoscaling.maxReplicas 0",
        r -> spec(r).putObject("autoscaling").put("maxReplicas", 0));
    aTarget(
        "spec.computation.execMaxTimeoutSeconds 86401",
        r -> spec(r).putObject("computation").put("execMaxTimeoutSeconds", 86_401));
    aTarget(
        "spec.pod.serviceAccountName with capitals",
        r -> spec(r).putObject("pod").put("serviceAccountName", "Workers"));
  }

  private void hugeAndDeep() {
    aCase(
        "spec.requestId of 100,000 characters",
        r -> spec(r).put("requestId", MalformedBodies.huge(100_000)));
    aCase("spec.target of 2 MB", r -> spec(r).put("target", MalformedBodies.huge(2_000_000)));
    aCase(
        "spec.items of 120,000 strings",
        r -> {
          spec(r).remove("generate");
          ArrayNode items = spec(r).putArray("items");
          for (int i = 0; i < 120_000; i++) {
            items.add("i");
          }
        });
    aTarget(
        "spec.routeFrom of 100,000 numbers",
        r -> {
          ArrayNode routes = spec(r).putArray("routeFrom");
          for (int i = 0; i < 100_000; i++) {
            routes.add(i);
          }
        });
    aTarget(
        "spec.pod.serviceAccountName of 300 characters",
        r -> spec(r).putObject("pod").put("serviceAccountName", MalformedBodies.huge(300)));
    // past the 3 MiB bound: refused with 413 before it is read
    String hugeItems =
        validCase(name())
            .toString()
            .replace(
                "\"generate\":{\"count\":2}",
                "\"items\":[" + "{\"caseId\":\"0\"},".repeat(250_000) + "{\"caseId\":\"1\"}]");
    calls.add(KubeCall.of("spec.items over 3 MiB", "POST", CASES, JSON, hugeItems));
    String nested = MalformedBodies.nestedObjects(MalformedBodies.TOO_DEEP);
    calls.add(
        KubeCall.of(
            "spec.parameters nested too deep",
            "POST",
            CASES,
            JSON,
            validCase(name()).toString().replace("{\"computeMs\":1}", nested)));
    calls.add(
        KubeCall.of(
            "spec.items[0] nested too deep",
            "POST",
            CASES,
            JSON,
            validCase(name())
                .toString()
                .replace("\"generate\":{\"count\":2}", "\"items\":[" + nested + "]")));
    calls.add(
        KubeCall.of(
            "spec.itemPattern nested too deep",
            "POST",
            TARGETS,
            JSON,
            validTarget(name())
                .toString()
                .replace(
                    "\"replicas\":0",
                    "\"replicas\":0,\"itemPattern\":"
                        + MalformedBodies.nestedArrays(MalformedBodies.TOO_DEEP))));
    calls.add(
        KubeCall.of(
            "a label value nested too deep",
            "POST",
            CASES,
            JSON,
            validCase(name())
                .toString()
                .replace(
                    "\"namespace\":\"default\"",
                    "\"namespace\":\"default\",\"labels\":{\"a\":" + nested + "}")));
  }

  private void unknownFields() {
    aCase("an unknown top-level field", r -> r.put("extra", 1));
    aCase("spec.itemz", r -> spec(r).putArray("itemz").add(1));
    aCase("spec.generate.cnt", r -> ((ObjectNode) spec(r).get("generate")).put("cnt", 3));
    aCase("spec.retry.tries", r -> spec(r).putObject("retry").put("tries", 3));
    aCase("an unknown metadata field", r -> metadata(r).put("owner", "me"));
    aTarget("spec.pod.hostNetwork", r -> spec(r).putObject("pod").put("hostNetwork", true));
    aTarget(
        "spec.pod.env[0].secret",
        r ->
            spec(r)
                .putObject("pod")
                .putArray("env")
                .addObject()
                .put("name", "A")
                .put("secret", "s"));
    aTarget("spec.autoscaling.target", r -> spec(r).putObject("autoscaling").put("target", 5));
  }

  private void badNames() {
    for (String bad :
        List.of(
            "Bad_Name",
            "-leading",
            "trailing-",
            "a..b",
            "UPPER",
            "with space",
            "ünïcode",
            "a/b",
            "x".repeat(254),
            "")) {
      ObjectNode resource = validCase(bad);
      calls.add(
          KubeCall.of(
              "a ComputeCase named \"" + AwsJsonFuzz.abbreviate(bad) + "\"",
              "POST",
              CASES + "?fieldValidation=Strict",
              JSON,
              resource.toString()));
    }
    ObjectNode generated = validCase("");
    metadata(generated).remove("name");
    metadata(generated).put("generateName", "Bad_");
    calls.add(
        KubeCall.of(
            "a ComputeCase with generateName Bad_", "POST", CASES, JSON, generated.toString()));
    aTarget("a ComputeTarget named with a dot at the end", r -> metadata(r).put("name", "target."));
  }

  private void badDocuments() {
    String valid = validCase(name()).toString();
    calls.add(
        KubeCall.of(
            "a ComputeCase truncated", "POST", CASES, JSON, bodies.truncated(parse(valid))));
    calls.add(
        KubeCall.of(
            "a ComputeTarget truncated",
            "POST",
            TARGETS,
            JSON,
            bodies.truncated(validTarget(name()))));
    calls.add(
        KubeCall.of(
            "a ComputeCase with a trailing comma",
            "POST",
            CASES,
            JSON,
            valid.replace("}}}", "},}}")));
    calls.add(
        KubeCall.of(
            "a ComputeCase with single quotes", "POST", CASES, JSON, valid.replace('"', '\'')));
    calls.add(
        KubeCall.of("a ComputeCase with a comment", "POST", CASES, JSON, "// case\n" + valid));
    calls.add(
        KubeCall.of(
            "a ComputeCase as YAML with Content-Type JSON",
            "POST",
            CASES,
            JSON,
            "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nmetadata:\n  name: "
                + name()
                + "\nspec:\n  generate: {count: 2}\n"));
    calls.add(
        KubeCall.of(
            "a ComputeCase with NaN",
            "POST",
            CASES,
            JSON,
            valid.replace("\"count\":2", "\"count\":NaN")));
    calls.add(KubeCall.of("two ComputeCases in one body", "POST", CASES, JSON, valid + valid));
    String apply = CASES + "/" + name() + "?fieldManager=fuzz&fieldValidation=Strict";
    calls.add(
        KubeCall.of(
            "apply YAML unclosed flow mapping",
            "PATCH",
            apply,
            APPLY,
            "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nspec:\n  generate: {count: 2\n"));
    calls.add(
        KubeCall.of(
            "apply YAML with tabs",
            "PATCH",
            apply,
            APPLY,
            "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nspec:\n\tgenerate:\n\t\tcount: 2\n"));
    calls.add(
        KubeCall.of(
            "apply YAML of wrong indentation",
            "PATCH",
            apply,
            APPLY,
            "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nspec:\n  generate:\n    count: 2\n   target: x\n"));
    calls.add(KubeCall.of("apply YAML a scalar", "PATCH", apply, APPLY, "just a string\n"));
    calls.add(
        KubeCall.of(
            "apply YAML count a string",
            "PATCH",
            apply,
            APPLY,
            "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nspec:\n  generate:\n    count: two\n"));
    calls.add(
        KubeCall.of(
            "apply YAML with an undefined alias",
            "PATCH",
            apply,
            APPLY,
            "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nspec: *nothing\n"));
  }

  private void wrongApiVersionOrKind() {
    aCase("kind ComputeTarget", r -> r.put("kind", "ComputeTarget"));
    aCase("kind Pod", r -> r.put("kind", "Pod"));
    aCase("kind empty", r -> r.put("kind", ""));
    aCase("kind a number", r -> r.put("kind", 1));
    aCase("apiVersion computecase.io/v1", r -> r.put("apiVersion", "computecase.io/v1"));
    aCase("apiVersion v1", r -> r.put("apiVersion", "v1"));
    aCase("apiVersion an object", r -> r.putObject("apiVersion"));
    aTarget("kind ComputeCase", r -> r.put("kind", "ComputeCase"));
    aTarget("apiVersion other.io/v1alpha1", r -> r.put("apiVersion", "other.io/v1alpha1"));
    aCase("namespace other than the path's", r -> metadata(r).put("namespace", "kube-system"));
  }

  private void invalidatingPatches() {
    String cc = CASES + "/" + VICTIM_CASE + "?fieldValidation=Strict";
    String ct = TARGETS + "/" + VICTIM_TARGET + "?fieldValidation=Strict";
    patch(
        "merge patch spec.generate.count 0", cc, MERGE, "{\"spec\":{\"generate\":{\"count\":0}}}");
    patch("merge patch removing spec.generate", cc, MERGE, "{\"spec\":{\"generate\":null}}");
    patch(
        "merge patch adding spec.items", cc, MERGE, "{\"spec\":{\"items\":[{\"caseId\":\"0\"}]}}");
    patch("merge patch changing spec.target", cc, MERGE, "{\"spec\":{\"target\":\"other\"}}");
    patch("merge patch spec a string", cc, MERGE, "{\"spec\":\"x\"}");
    patch(
        "merge patch spec.maxConcurrency a string",
        cc,
        MERGE,
        "{\"spec\":{\"maxConcurrency\":\"x\"}}");
    patch("merge patch an unknown field", cc, MERGE, "{\"spec\":{\"itemz\":1}}");
    patch("merge patch renaming", cc, MERGE, "{\"metadata\":{\"name\":\"fuzz-renamed\"}}");
    patch("merge patch a bad label", cc, MERGE, "{\"metadata\":{\"labels\":{\"a\":5}}}");
    patch("merge patch kind ComputeTarget", cc, MERGE, "{\"kind\":\"ComputeTarget\"}");
    patch(
        "json patch removing the spec", cc, JSON_PATCH, "[{\"op\":\"remove\",\"path\":\"/spec\"}]");
    patch("merge patch spec null", cc, MERGE, "{\"spec\":null}");
    patch(
        "json patch removing spec.generate",
        cc,
        JSON_PATCH,
        "[{\"op\":\"remove\",\"path\":\"/spec/generate\"}]");
    patch(
        "json patch spec.generate.count a string",
        cc,
        JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/spec/generate/count\",\"value\":\"x\"}]");
    patch(
        "json patch spec.retry.maxAttempts 11",
        cc,
        JSON_PATCH,
        "[{\"op\":\"add\",\"path\":\"/spec/retry\",\"value\":{\"maxAttempts\":11}}]");
    patch(
        "json patch replacing metadata with a number",
        cc,
        JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/metadata\",\"value\":1}]");
    patch(
        "strategic patch spec.requestId of 100 characters",
        cc,
        STRATEGIC,
        "{\"spec\":{\"requestId\":\"" + "r".repeat(100) + "\"}}");
    patch(
        "strategic patch heartbeat not under the timeout",
        cc,
        STRATEGIC,
        "{\"spec\":{\"itemTimeoutSeconds\":10,\"heartbeatSeconds\":10}}");
    patch(
        "apply patch spec.generate.count 20000",
        CASES + "/" + VICTIM_CASE + "?fieldManager=fuzz&force=true",
        APPLY,
        "apiVersion: computecase.io/v1alpha1\nkind: ComputeCase\nmetadata:\n  name: "
            + VICTIM_CASE
            + "\nspec:\n  generate:\n    count: 20000\n");
    patch("merge patch removing spec.image", ct, MERGE, "{\"spec\":{\"image\":null}}");
    patch("merge patch spec.replicas -3", ct, MERGE, "{\"spec\":{\"replicas\":-3}}");
    patch(
        "merge patch spec.concurrency a string",
        ct,
        MERGE,
        "{\"spec\":{\"concurrency\":\"many\"}}");
    patch(
        "json patch spec.pod.env a string",
        ct,
        JSON_PATCH,
        "[{\"op\":\"add\",\"path\":\"/spec/pod\",\"value\":{\"env\":\"A=B\"}}]");
    patch(
        "strategic patch spec.visibilityTimeoutSeconds -1",
        ct,
        STRATEGIC,
        "{\"spec\":{\"visibilityTimeoutSeconds\":-1}}");
    patch(
        "status patch with a wrong type",
        CASES + "/" + VICTIM_CASE + "/status",
        MERGE,
        "{\"status\":{\"progress\":{\"total\":\"all\"}}}");
  }

  private void patch(String label, String path, String contentType, String body) {
    calls.add(KubeCall.of(label, "PATCH", path, contentType, body));
  }

  private void aCase(String label, Consumer<ObjectNode> mutate) {
    ObjectNode resource = validCase(name());
    mutate.accept(resource);
    calls.add(
        KubeCall.of(
            "a ComputeCase with " + label,
            "POST",
            CASES + "?fieldValidation=Strict",
            JSON,
            resource.toString()));
  }

  private void aTarget(String label, Consumer<ObjectNode> mutate) {
    ObjectNode resource = validTarget(name());
    mutate.accept(resource);
    calls.add(
        KubeCall.of(
            "a ComputeTarget with " + label,
            "POST",
            TARGETS + "?fieldValidation=Strict",
            JSON,
            resource.toString()));
  }

  private String name() {
    return "fuzz-bad-" + (++serial);
  }

  private static ObjectNode metadata(ObjectNode resource) {
    return (ObjectNode) resource.get("metadata");
  }

  private static ObjectNode spec(ObjectNode resource) {
    return (ObjectNode) resource.get("spec");
  }

  private static JsonNode wrong(String type) {
    return switch (type) {
      case "string" -> MalformedBodies.JSON.getNodeFactory().textNode("x");
      case "array" -> MalformedBodies.JSON.createArrayNode().add(1);
      case "number" -> MalformedBodies.JSON.getNodeFactory().numberNode(3);
      default -> MalformedBodies.JSON.getNodeFactory().booleanNode(true);
    };
  }

  private static JsonNode parse(String json) {
    try {
      return MalformedBodies.JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
