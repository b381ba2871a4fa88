package io.computecase.local.kube.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.ResourcePath;
import io.computecase.local.kube.discovery.ScalePaths;
import io.computecase.local.kube.patch.ObjectPatcher;
import io.computecase.local.kube.patch.PatchType;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The scale subresource (autoscaling/v1 Scale) of Deployments and of CRDs that declare one: read
 * replicas, and change them with PUT or PATCH (what {@code kubectl scale} sends).
 */
final class ScaleRequests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CrudGateway crud;
  private final ObjectPatcher patcher = new ObjectPatcher();

  ScaleRequests(CrudGateway crud) {
    this.crud = crud;
  }

  MockResponse handle(RecordedRequest request, ResourcePath path, ScalePaths paths) {
    Optional<JsonNode> found = crud.get(path.objectPath());
    if (found.isEmpty()) {
      return ResourceRequests.notFound(path);
    }
    ObjectNode owner = (ObjectNode) found.get();
    ObjectNode scale = scaleOf(owner, paths);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (method.equals("GET")) {
      return ApiResponses.json(200, scale);
    }
    JsonNode desired;
    try {
      JsonNode body = JSON.readTree(request.getUtf8Body());
      desired =
          switch (method) {
            case "PUT" -> body;
            case "PATCH" ->
                patcher.apply(PatchType.of(request.getHeader("Content-Type")), scale, body);
            default -> null;
          };
    } catch (IOException | RuntimeException e) {
      return ApiResponses.status(
          400, "BadRequest", "the scale request is not valid: " + e.getMessage(), path);
    }
    if (desired == null) {
      return ApiResponses.status(
          405, "MethodNotAllowed", method + " is not allowed on scale", path);
    }
    JsonNode replicas = desired.path("spec").path("replicas");
    if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
      return ApiResponses.status(
          422,
          "Invalid",
          "Scale.autoscaling \""
              + path.name()
              + "\" is invalid: spec.replicas: Invalid value: "
              + replicas
              + ": must be a whole number greater than or equal to 0",
          path);
    }
    DottedPath.set(owner, paths.specReplicasPath(), replicas.asInt());
    if (path.isDryRun()) {
      return ApiResponses.json(200, scaleOf(owner, paths));
    }
    CrudGateway.Answer answer =
        crud.call(HttpMethod.PUT, path.objectPath(), owner, "application/json");
    if (!answer.ok()) {
      return ResourceRequests.answer(answer, path);
    }
    return ApiResponses.json(200, scaleOf((ObjectNode) answer.body(), paths));
  }

  private static ObjectNode scaleOf(ObjectNode owner, ScalePaths paths) {
    ObjectNode scale =
        JSON.createObjectNode().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
    JsonNode metadata = owner.path("metadata");
    ObjectNode scaleMetadata = scale.putObject("metadata");
    for (String field :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (metadata.has(field)) {
        scaleMetadata.set(field, metadata.get(field));
      }
    }
    scale
        .putObject("spec")
        .put("replicas", DottedPath.get(owner, paths.specReplicasPath()).asInt(1));
    ObjectNode status =
        scale
            .putObject("status")
            .put("replicas", DottedPath.get(owner, paths.statusReplicasPath()).asInt(0));
    if (paths.labelSelectorPath() != null) {
      JsonNode selector = DottedPath.get(owner, paths.labelSelectorPath());
      if (selector.isTextual()) {
        status.put("selector", selector.asText());
      }
      return scale;
    }
    JsonNode labels = owner.path("spec").path("selector").path("matchLabels");
    if (labels.isObject()) {
      StringBuilder selector = new StringBuilder();
      labels
          .fields()
          .forEachRemaining(
              e ->
                  selector
                      .append(selector.length() == 0 ? "" : ",")
                      .append(e.getKey())
                      .append('=')
                      .append(e.getValue().asText()));
      status.put("selector", selector.toString());
    }
    return scale;
  }
}
