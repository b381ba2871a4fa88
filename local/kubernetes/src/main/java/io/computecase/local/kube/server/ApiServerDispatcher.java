package io.computecase.local.kube.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.DiscoveryDocuments;
import io.computecase.local.kube.discovery.ResourceCatalog;
import io.computecase.local.kube.openapi.OpenApiDocuments;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes API-server paths that the CRUD dispatcher does not serve (version, health, discovery,
 * OpenAPI) and hands resource requests to {@link ResourceRequests}.
 */
public final class ApiServerDispatcher extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GROUP = Pattern.compile("/apis/([^/]+)");
  private static final Pattern GROUP_VERSION = Pattern.compile("/apis/([^/]+)/([^/]+)");

  private final DiscoveryDocuments discovery;
  private final OpenApiDocuments openApi;
  private final ResourceRequests resources;
  private final String serverAddress;

  public ApiServerDispatcher(
      ResourceCatalog catalog, ResourceRequests resources, String serverAddress) {
    this.discovery = new DiscoveryDocuments(catalog);
    this.openApi = new OpenApiDocuments(catalog);
    this.resources = resources;
    this.serverAddress = serverAddress;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String uri = request.getPath();
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!"GET".equalsIgnoreCase(request.getMethod())) {
      return resources.handle(request);
    }
    return nonResource(request, path).orElseGet(() -> resources.handle(request));
  }

  private Optional<MockResponse> nonResource(RecordedRequest request, String path) {
    switch (path) {
      case "/version":
        return Optional.of(ApiResponses.json(200, version()));
      case "/healthz", "/readyz", "/livez":
        return Optional.of(ApiResponses.text(200, "ok"));
      case "/api":
        return Optional.of(ApiResponses.json(200, discovery.coreVersions(serverAddress)));
      case "/api/v1":
        return discovery.resourceList("", "v1").map(list -> ApiResponses.json(200, list));
      case "/apis":
        return Optional.of(ApiResponses.json(200, discovery.groupList()));
      case "/openapi/v2":
        return Optional.of(openApiV2(request.getHeader("Accept")));
      case "/openapi/v3":
        return Optional.of(ApiResponses.json(200, openApi.v3Index()));
      default:
        break;
    }
    if (path.startsWith("/openapi/v3/")) {
      return Optional.of(
          openApi
              .v3(path.substring("/openapi/v3/".length()))
              .map(document -> ApiResponses.json(200, document))
              .orElseGet(() -> notFound(path)));
    }
    Matcher groupVersion = GROUP_VERSION.matcher(path);
    if (groupVersion.matches()) {
      return Optional.of(
          discovery
              .resourceList(groupVersion.group(1), groupVersion.group(2))
              .map(list -> ApiResponses.json(200, list))
              .orElseGet(() -> notFound(path)));
    }
    Matcher group = GROUP.matcher(path);
    if (group.matches()) {
      return Optional.of(
          discovery
              .group(group.group(1))
              .map(document -> ApiResponses.json(200, document))
              .orElseGet(() -> notFound(path)));
    }
    return Optional.empty();
  }

  // kubectl asks for the protobuf form of v2 only; JSON goes to clients that accept it.
  private MockResponse openApiV2(String accept) {
    if (accept != null && !accept.contains("json") && !accept.contains("*/*")) {
      return ApiResponses.status(
          406,
          "NotAcceptable",
          "OpenAPI v2 is served as application/json only; use /openapi/v3",
          null);
    }
    return ApiResponses.json(200, openApi.v2());
  }

  private static MockResponse notFound(String path) {
    return ApiResponses.status(
        404, "NotFound", "the server could not find the requested resource (" + path + ")", null);
  }

  private static ObjectNode version() {
    return JSON.createObjectNode()
        .put("major", "1")
        .put("minor", "32")
        .put("gitVersion", "v1.32.0-computecase")
        .put("gitCommit", "embedded")
        .put("gitTreeState", "clean")
        .put("buildDate", "2026-01-01T00:00:00Z")
        .put("goVersion", "java")
        .put("compiler", "java")
        .put("platform", "linux/amd64");
  }
}
