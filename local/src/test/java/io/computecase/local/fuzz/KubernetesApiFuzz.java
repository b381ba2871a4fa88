package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.fuzz.KubernetesEndpoint.KubeCall;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Malformed requests to the Kubernetes API itself, whatever the kind: bodies that are no object
 * (random, truncated, not JSON, nested too deep, over the 3 MiB bound), unknown paths, versions and
 * subresources, bad patches and Content-Types, and bad query parameters. The objects it writes are
 * the fuzz's own; none of these requests may change anything.
 */
final class KubernetesApiFuzz {
  static final String NAMESPACE = "default";

  /** A ConfigMap the fuzz creates, for requests on an existing object. */
  static final String CONFIG_MAP = "fuzz-cm";

  /** Past the API server's 3 MiB bound on a request body. */
  static final int OVERSIZED_BODY = 3 * 1024 * 1024 + 4096;

  private static final String JSON = "application/json";
  private static final String MERGE = "application/merge-patch+json";
  private static final String JSON_PATCH = "application/json-patch+json";
  private static final String APPLY = "application/apply-patch+yaml";

  private KubernetesApiFuzz() {}

  /** Collections of every kind of resource the stack uses, built in and custom. */
  static List<String> collections() {
    return List.of(
        "/api/v1/namespaces/" + NAMESPACE + "/configmaps",
        "/api/v1/namespaces",
        "/apis/apps/v1/namespaces/" + NAMESPACE + "/deployments",
        "/apis/coordination.k8s.io/v1/namespaces/" + NAMESPACE + "/leases",
        "/apis/computecase.io/v1alpha1/namespaces/" + NAMESPACE + "/computecases",
        "/apis/computecase.io/v1alpha1/namespaces/" + NAMESPACE + "/computetargets");
  }

  static KubeCall configMap() {
    return KubeCall.of(
        "create " + CONFIG_MAP,
        "POST",
        collections().get(0),
        JSON,
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + CONFIG_MAP
            + "\"},\"data\":{\"k\":\"v\"}}");
  }

  static List<KubeCall> calls(MalformedBodies bodies) {
    List<KubeCall> calls = new ArrayList<>();
    String sample =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"fuzz-x\",\"labels\":{\"a\":\"b\"}},\"data\":{\"k\":\"v\"}}";
    for (String collection : collections()) {
      String object = collection + "/fuzz-x";
      for (String method : List.of("POST", "PUT")) {
        String path = method.equals("POST") ? collection : object;
        calls.add(
            text(method + " truncated JSON", method, path, JSON, bodies.truncated(parse(sample))));
        calls.add(
            new KubeCall(
                method + " random bytes",
                method,
                path,
                JSON,
                bodies.randomBytes(1 + bodies.nextInt(4096))));
        calls.add(
            text(
                method + " random text",
                method,
                path,
                JSON,
                bodies.randomText(1 + bodies.nextInt(512))));
        calls.add(text(method + " empty body", method, path, JSON, ""));
        for (String notObject : MalformedBodies.notObjects()) {
          calls.add(text(method + " body " + notObject, method, path, JSON, notObject));
        }
        calls.add(
            text(
                method + " arrays nested too deep",
                method,
                path,
                JSON,
                MalformedBodies.nestedArrays(MalformedBodies.TOO_DEEP)));
        calls.add(
            text(
                method + " objects nested too deep",
                method,
                path,
                JSON,
                MalformedBodies.nestedObjects(MalformedBodies.TOO_DEEP)));
        calls.add(
            new KubeCall(
                method + " body over 3 MiB",
                method,
                path,
                JSON,
                MalformedBodies.hugeJsonBody("data", OVERSIZED_BODY)));
        calls.add(
            text(
                method + " YAML sent as JSON",
                method,
                path,
                JSON,
                "apiVersion: v1\nkind: ConfigMap\n"));
      }
      calls.add(text("PATCH of the collection", "PATCH", collection, MERGE, "{}"));
      calls.add(text("GET of an absent object", "GET", object, null, null));
      calls.add(text("DELETE of an absent object", "DELETE", object, null, null));
      calls.add(text("GET of an unknown subresource", "GET", object + "/logs", null, null));
      calls.add(text("PATCH of an absent object", "PATCH", object, MERGE, "{\"metadata\":{}}"));
    }
    String cm = collections().get(0) + "/" + CONFIG_MAP;
    for (String contentType : List.of("text/plain", "application/xml", "application/yaml", "")) {
      calls.add(
          text(
              "PATCH with Content-Type " + contentType,
              "PATCH",
              cm,
              contentType,
              "{\"data\":{\"k\":\"w\"}}"));
    }
    calls.add(
        text(
            "PATCH with Content-Type application/json",
            "PATCH",
            cm,
            JSON,
            "{\"data\":{\"k\":\"w\"}}"));
    calls.add(text("merge patch truncated", "PATCH", cm, MERGE, "{\"data\":{\"k\""));
    calls.add(text("merge patch random text", "PATCH", cm, MERGE, bodies.randomText(200)));
    calls.add(
        text(
            "merge patch nested too deep",
            "PATCH",
            cm,
            MERGE,
            MalformedBodies.nestedObjects(MalformedBodies.TOO_DEEP)));
    calls.add(
        new KubeCall(
            "merge patch over 3 MiB",
            "PATCH",
            cm,
            MERGE,
            MalformedBodies.hugeJsonBody("data", OVERSIZED_BODY)));
    calls.add(text("json patch an object", "PATCH", cm, JSON_PATCH, "{\"op\":\"add\"}"));
    calls.add(
        text(
            "json patch unknown op",
            "PATCH",
            cm,
            JSON_PATCH,
            "[{\"op\":\"jump\",\"path\":\"/data/k\",\"value\":\"w\"}]"));
    calls.add(
        text(
            "json patch without path",
            "PATCH",
            cm,
            JSON_PATCH,
            "[{\"op\":\"add\",\"value\":\"w\"}]"));
    calls.add(
        text(
            "json patch remove of an absent path",
            "PATCH",
            cm,
            JSON_PATCH,
            "[{\"op\":\"remove\",\"path\":\"/data/absent\"}]"));
    calls.add(
        text(
            "json patch failing test",
            "PATCH",
            cm,
            JSON_PATCH,
            "[{\"op\":\"test\",\"path\":\"/data/k\",\"value\":\"other\"}]"));
    calls.add(
        text(
            "json patch replacing the whole object",
            "PATCH",
            cm,
            JSON_PATCH,
            "[{\"op\":\"replace\",\"path\":\"\",\"value\":[1]}]"));
    calls.add(
        text(
            "apply patch invalid YAML",
            "PATCH",
            cm + "?fieldManager=fuzz",
            APPLY,
            "data: {k: [\n  - :"));
    calls.add(
        text(
            "apply patch with a tab indent",
            "PATCH",
            cm + "?fieldManager=fuzz",
            APPLY,
            "data:\n\tk: v\n"));
    calls.add(text("apply patch a list", "PATCH", cm + "?fieldManager=fuzz", APPLY, "- a\n- b\n"));
    calls.add(
        text(
            "apply patch of another name",
            "PATCH",
            cm + "?fieldManager=fuzz",
            APPLY,
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n"));
    calls.add(
        text(
            "PUT with a stale resourceVersion",
            "PUT",
            cm,
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
                + CONFIG_MAP
                + "\",\"resourceVersion\":\"1\"},\"data\":{}}"));
    calls.add(
        text(
            "PUT of another name",
            "PUT",
            cm,
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"other\"},\"data\":{}}"));
    calls.add(text("POST to an object path", "POST", cm, JSON, sample));
    calls.add(
        text(
            "POST of a ConfigMap named twice",
            "POST",
            collections().get(0),
            JSON,
            configMap().bodyText()));
    calls.add(
        text(
            "POST of a Secret to configmaps",
            "POST",
            collections().get(0),
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"fuzz-kind\"}}"));
    calls.add(
        text(
            "POST of apps/v1 to the core group",
            "POST",
            collections().get(0),
            JSON,
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"fuzz-version\"}}"));
    calls.add(
        text(
            "POST into another namespace than the path's",
            "POST",
            collections().get(0),
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"fuzz-ns\",\"namespace\":\"kube-system\"}}"));
    calls.add(
        text(
            "POST without a name",
            "POST",
            collections().get(0),
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{}}"));
    calls.add(
        text(
            "POST with a name not a DNS subdomain",
            "POST",
            collections().get(0),
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"Not_Valid\"}}"));
    calls.add(
        text(
            "POST with metadata a string",
            "POST",
            collections().get(0),
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":\"fuzz\"}"));
    calls.add(
        text(
            "POST with a name a number",
            "POST",
            collections().get(0),
            JSON,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":42}}"));
    for (String path :
        List.of(
            "/apis/nope.example.com/v1/things",
            "/apis/computecase.io/v9/namespaces/default/computecases",
            "/apis/computecase.io/v1alpha1/namespaces/default/computecasez",
            "/api/v2/namespaces/default/configmaps",
            "/api/v1/namespaces/default/nothings",
            "/apis/apps/v1/namespaces/default/deployments/absent/scale",
            "/apis/nope.example.com",
            "/apis/nope.example.com/v1",
            "/openapi/v3/apis/nope.example.com/v1")) {
      calls.add(text("GET of an unknown path " + path, "GET", path, null, null));
      calls.add(text("POST to an unknown path " + path, "POST", path, JSON, sample));
    }
    for (String query : List.of("dryRun=Bogus", "fieldValidation=Bogus")) {
      calls.add(
          text("create with " + query, "POST", collections().get(0) + "?" + query, JSON, sample));
    }
    return calls;
  }

  /**
   * Lists and watches whose query parameters do not parse. A real API server decodes the same
   * ListOptions for both and answers each 400 BadRequest before it lists or starts the watch; a
   * watch served instead would never end (timeoutSeconds=abc) or end in an ERROR event after 200
   * (resourceVersion=abc), as the embedded server's watches once did.
   */
  static List<KubeCall> badQueries() {
    List<KubeCall> calls = new ArrayList<>();
    String list = collections().get(4);
    for (String query :
        List.of(
            "labelSelector=" + encode("a in (b"),
            "labelSelector=" + encode("!!!"),
            "labelSelector=" + encode("a=b,=c"),
            "fieldSelector=" + encode("metadata.name"),
            "fieldSelector=" + encode("metadata.name=a=b=c"),
            "limit=abc",
            "timeoutSeconds=abc",
            "timeoutSeconds=-1",
            "resourceVersion=abc",
            "resourceVersion=-1")) {
      calls.add(text("list with " + query, "GET", list + "?" + query, null, null));
      calls.add(text("watch with " + query, "GET", list + "?watch=true&" + query, null, null));
    }
    return calls;
  }

  static KubeCall text(String label, String method, String path, String contentType, String body) {
    return KubeCall.of(label, method, path, contentType, body);
  }

  private static JsonNode parse(String json) {
    try {
      return MalformedBodies.JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
