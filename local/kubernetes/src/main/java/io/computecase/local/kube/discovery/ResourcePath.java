package io.computecase.local.kube.discovery;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed resource URL: /api/v1/... or /apis/group/version/[namespaces/ns/]plural[/name[/sub]].
 */
public record ResourcePath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource,
    Map<String, String> query) {

  public static Optional<ResourcePath> parse(String uri) {
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    Map<String, String> query = parseQuery(q < 0 ? "" : uri.substring(q + 1));
    String[] parts =
        Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    int next;
    String group;
    String version;
    if (parts.length >= 3 && parts[0].equals("api")) {
      group = "";
      version = parts[1];
      next = 2;
    } else if (parts.length >= 4 && parts[0].equals("apis")) {
      group = parts[1];
      version = parts[2];
      next = 3;
    } else {
      return Optional.empty();
    }
    String namespace = null;
    if (parts.length - next >= 3 && parts[next].equals("namespaces")) {
      namespace = parts[next + 1];
      next += 2;
    }
    String plural = parts[next];
    String name = parts.length > next + 1 ? parts[next + 1] : null;
    String subresource = parts.length > next + 2 ? parts[next + 2] : null;
    return Optional.of(
        new ResourcePath(group, version, namespace, plural, name, subresource, query));
  }

  /**
   * dryRun=All: validate and answer with the result, store nothing (kubectl diff,
   * --dry-run=server).
   */
  public boolean isDryRun() {
    return "All".equals(query.get("dryRun"));
  }

  public boolean isWatch() {
    return "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
  }

  public String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** The path of the object itself, without subresource or query. */
  public String objectPath() {
    return collectionPath() + "/" + name;
  }

  public String collectionPath() {
    String ns = namespace == null ? "" : "/namespaces/" + namespace;
    return groupVersionPath() + ns + "/" + plural;
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
