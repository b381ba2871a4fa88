package io.computecase.local.kube.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.ResourcePath;
import io.computecase.local.kube.discovery.ResourceType;
import io.computecase.local.kube.patch.ObjectPatcher;
import io.computecase.local.kube.patch.PatchType;
import io.computecase.local.kube.validation.Cause;
import io.computecase.local.kube.validation.InvalidObjectException;
import io.computecase.local.kube.validation.ObjectShape;
import io.computecase.local.kube.validation.SchemaValidator;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Optional;

/**
 * PATCH of an object or its status: computes the patched object here (so every patch type,
 * including strategic merge and server-side apply, behaves alike) and stores it as an update, so
 * the CRUD dispatcher keeps its rules for status, generation and finalizers. An apply patch of an
 * absent object creates it.
 */
final class PatchRequests {

  private final CrudGateway crud;
  private final SchemaValidator validator;
  private final ObjectPatcher patcher = new ObjectPatcher();

  PatchRequests(CrudGateway crud, SchemaValidator validator) {
    this.crud = crud;
    this.validator = validator;
  }

  MockResponse handle(RecordedRequest request, ResourcePath path, ResourceType type) {
    if (path.name() == null) {
      return ApiResponses.status(
          405,
          "MethodNotAllowed",
          "PATCH needs an object name: " + path.collectionPath() + "/<name>",
          path);
    }
    PatchType patchType;
    try {
      patchType = PatchType.of(request.getHeader("Content-Type"));
    } catch (PatchType.UnsupportedPatchException e) {
      return ApiResponses.status(415, "UnsupportedMediaType", e.getMessage(), path);
    }
    JsonNode patch;
    try {
      patch = patcher.parse(patchType, request.getUtf8Body());
    } catch (IllegalArgumentException e) {
      return ApiResponses.status(400, "BadRequest", e.getMessage(), path);
    }
    String fieldValidation = path.query().get("fieldValidation");
    Optional<JsonNode> current = crud.get(path.objectPath());
    if (current.isEmpty()) {
      return patchType == PatchType.APPLY && path.subresource() == null
          ? create(path, type, patch, fieldValidation)
          : ResourceRequests.notFound(path);
    }
    String expected = patch.path("metadata").path("resourceVersion").asText("");
    String actual = current.get().path("metadata").path("resourceVersion").asText("");
    if (!expected.isEmpty() && !expected.equals(actual)) {
      return ResourceRequests.conflict(path);
    }
    JsonNode patched;
    try {
      patched = patcher.apply(patchType, current.get(), patch);
    } catch (RuntimeException e) {
      throw new InvalidObjectException(
          422,
          "Invalid",
          "the patch cannot be applied: " + e.getMessage(),
          type.kind(),
          path.name(),
          List.of(new Cause("patch", "FieldValueInvalid", String.valueOf(e.getMessage()))));
    }
    if (!patched.isObject()) {
      throw new InvalidObjectException(
          422,
          "Invalid",
          "a patch must leave an object",
          type.kind(),
          path.name(),
          List.of(
              new Cause(
                  "patch", "FieldValueInvalid", "the patched document is not a JSON object")));
    }
    ObjectNode desired = (ObjectNode) patched;
    ObjectShape.check(type, desired);
    ResourceRequests.checkName(path, desired);
    ResourceRequests.checkNamespace(type, path, desired);
    desired.with("metadata").put("resourceVersion", actual);
    validator.validate(type, desired, current.get(), fieldValidation);
    if (UnchangedWrite.isUnchanged(type, path.subresource(), current.get(), desired)) {
      return ApiResponses.json(200, current.get());
    }
    if (path.isDryRun()) {
      return ApiResponses.json(
          200, UnchangedWrite.stored(type, path.subresource(), current.get(), desired));
    }
    String target =
        path.subresource() == null
            ? path.objectPath()
            : path.objectPath() + "/" + path.subresource();
    CrudGateway.Answer answer = crud.call(HttpMethod.PUT, target, desired, "application/json");
    if (answer.ok() && answer.body() == null) {
      // the last finalizer went and the object with it
      return ApiResponses.json(200, desired);
    }
    return ResourceRequests.answer(answer, path);
  }

  private MockResponse create(
      ResourcePath path, ResourceType type, JsonNode applied, String fieldValidation) {
    if (!applied.isObject()) {
      throw new InvalidObjectException(400, "BadRequest", "an apply patch must be an object");
    }
    ObjectNode object = (ObjectNode) applied;
    ObjectShape.check(type, object);
    ObjectNode metadata = object.with("metadata");
    String name = metadata.path("name").asText("");
    if (!name.isEmpty() && !name.equals(path.name())) {
      throw new InvalidObjectException(
          400,
          "BadRequest",
          "the name in the body (\""
              + name
              + "\") does not match the name in the URL (\""
              + path.name()
              + "\")");
    }
    metadata.put("name", path.name());
    if (type.namespaced() && path.namespace() != null) {
      metadata.put("namespace", path.namespace());
    }
    validator.validate(type, object, fieldValidation);
    if (path.isDryRun()) {
      return ApiResponses.json(201, ResourceRequests.asCreated(type, object));
    }
    CrudGateway.Answer answer =
        crud.call(HttpMethod.POST, path.collectionPath(), object, "application/json");
    return answer.ok()
        ? ApiResponses.json(201, crud.created(path.collectionPath(), answer.body()))
        : ResourceRequests.answer(answer, path);
  }
}
