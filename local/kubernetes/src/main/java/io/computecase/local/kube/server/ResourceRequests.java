package io.computecase.local.kube.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.ResourceCatalog;
import io.computecase.local.kube.discovery.ResourcePath;
import io.computecase.local.kube.discovery.ResourceType;
import io.computecase.local.kube.store.ObservableCrudDispatcher;
import io.computecase.local.kube.table.TableConverter;
import io.computecase.local.kube.validation.Cause;
import io.computecase.local.kube.validation.InvalidObjectException;
import io.computecase.local.kube.validation.ObjectShape;
import io.computecase.local.kube.validation.SchemaValidator;
import io.computecase.local.kube.watch.Selector;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves requests on resource paths: checks them against the catalog and the kind's schema, lets
 * the CRUD dispatcher store them, and shapes answers like a real API server (201 on create, Status
 * errors, typed lists, Tables, deletion with finalizers).
 */
public final class ResourceRequests {

  // a body of one JSON value and then more is refused, as the API server's decoder refuses it
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final ResourceCatalog catalog;
  private final CrudGateway crud;
  private final ObservableCrudDispatcher store;
  private final TableConverter tables;
  private final PatchRequests patches;
  private final ScaleRequests scales;
  private final SchemaValidator validator = new SchemaValidator();
  private final Object writes = new Object();

  public ResourceRequests(
      ResourceCatalog catalog, ObservableCrudDispatcher store, TableConverter tables) {
    this.catalog = catalog;
    this.store = store;
    this.crud = new CrudGateway(store);
    this.tables = tables;
    this.patches = new PatchRequests(crud, validator);
    this.scales = new ScaleRequests(crud);
  }

  public MockResponse handle(RecordedRequest request) {
    Optional<ResourcePath> parsed = ResourcePath.parse(request.getPath());
    if (parsed.isEmpty()) {
      return ApiResponses.status(
          404, "NotFound", "the server could not find the requested resource", null);
    }
    ResourcePath path = parsed.get();
    Optional<ResourceType> found = catalog.find(path.group(), path.version(), path.plural());
    if (found.isEmpty()) {
      return ApiResponses.status(
          404,
          "NotFound",
          "the server could not find the requested"
              + " resource: no kind serves "
              + path.collectionPath()
              + " (is its CRD applied?)",
          path);
    }
    ResourceType type = found.get();
    if (path.subresource() != null
        && !("status".equals(path.subresource()) && type.statusSubresource())
        && !("scale".equals(path.subresource()) && type.scaleSubresource())) {
      return ApiResponses.status(
          404,
          "NotFound",
          ApiResponses.qualifiedResource(path)
              + " has no subresource \""
              + path.subresource()
              + "\"",
          path);
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    if (method.equals("GET")) {
      return serve(request, path, type, method);
    }
    // a write reads, checks the resourceVersion and stores: one at a time, so checks hold
    synchronized (writes) {
      return serve(request, path, type, method);
    }
  }

  private MockResponse serve(
      RecordedRequest request, ResourcePath path, ResourceType type, String method) {
    if ("scale".equals(path.subresource())) {
      return scales.handle(request, path, type.scale());
    }
    try {
      if (!method.equals("GET")) {
        QueryParameters.checkWrite(path);
      }
      return switch (method) {
        case "GET" -> get(request, path, type);
        case "POST" -> create(request, path, type);
        case "PUT" -> replace(request, path, type);
        case "PATCH" -> patches.handle(request, path, type);
        case "DELETE" ->
            path.name() != null
                ? delete(path)
                // a dry run of deletecollection answers what it would delete, deleting nothing
                : path.isDryRun()
                    ? get(request, path, type)
                    : fillStatus(crud.forward(request), path);
        default ->
            ApiResponses.status(
                405,
                "MethodNotAllowed",
                request.getMethod() + " is not supported on " + path.collectionPath(),
                path);
      };
    } catch (InvalidObjectException e) {
      return ApiResponses.status(e, path);
    }
  }

  private MockResponse get(RecordedRequest request, ResourcePath path, ResourceType type) {
    if (path.name() == null) {
      QueryParameters.checkList(path);
    }
    // lists go to the CRUD dispatcher without selectors: they are applied below, on any field
    String target =
        path.name() == null
            ? path.collectionPath()
            : path.objectPath() + (path.subresource() == null ? "" : "/" + path.subresource());
    // The version is read before the objects: a write that lands between the two is then both
    // in the list and sent again to a watch from this version, never in neither.
    String listVersion = Long.toString(store.lastResourceVersion());
    CrudGateway.Answer answer = crud.call(HttpMethod.GET, target, null, null);
    if (!answer.ok() || answer.body() == null) {
      return notFound(path);
    }
    JsonNode body = answer.body();
    List<JsonNode> objects = new ArrayList<>();
    if (path.name() == null) {
      ObjectNode list = (ObjectNode) body;
      list.put("kind", type.kind() + "List").put("apiVersion", type.apiVersion());
      list.with("metadata").put("resourceVersion", listVersion);
      // selectors are applied here so every field (e.g. involvedObject.uid of Events) works
      Selector labels = Selector.labels(path.query().get("labelSelector"));
      Selector fields = Selector.fields(path.query().get("fieldSelector"));
      ArrayNode items = list.withArray("items");
      for (int i = items.size() - 1; i >= 0; i--) {
        if (!labels.test(items.get(i)) || !fields.test(items.get(i))) {
          items.remove(i);
        }
      }
      items.forEach(objects::add);
    } else {
      objects.add(body);
    }
    if (TableConverter.wantsTable(request.getHeader("Accept"))) {
      return ApiResponses.json(
          200, tables.table(type, objects, listVersion, path.query().get("includeObject")));
    }
    return ApiResponses.json(200, body);
  }

  private MockResponse create(RecordedRequest request, ResourcePath path, ResourceType type) {
    if (path.name() != null) {
      return ApiResponses.status(
          405,
          "MethodNotAllowed",
          "POST is not supported on an object ("
              + path.objectPath()
              + "); create it in "
              + path.collectionPath(),
          path);
    }
    JsonNode object = readObject(request);
    ObjectShape.check(type, object);
    checkNamespace(type, path, object);
    if (object.path("metadata").path("namespace").isMissingNode()
        && path.namespace() != null
        && type.namespaced()) {
      ((ObjectNode) object).with("metadata").put("namespace", path.namespace());
    }
    // named first, so that a name made from a bad generateName is refused as any bad name
    generateName((ObjectNode) object);
    if (object.path("metadata").path("name").asText("").isEmpty()) {
      throw new InvalidObjectException(
          422,
          "Invalid",
          type.kind()
              + " \"\" is invalid: metadata.name: Required value: name or generateName is required",
          type.kind(),
          "",
          List.of(
              new Cause(
                  "metadata.name",
                  "FieldValueRequired",
                  "Required value: name or generateName is required")));
    }
    validator.validate(type, object, path.query().get("fieldValidation"));
    if (path.isDryRun()) {
      return ApiResponses.json(201, asCreated(type, object));
    }
    CrudGateway.Answer answer =
        crud.call(HttpMethod.POST, path.collectionPath(), object, "application/json");
    if (answer.ok()) {
      return ApiResponses.json(201, crud.created(path.collectionPath(), answer.body()));
    }
    if (answer.code() == 409) {
      return ApiResponses.status(
          409,
          "AlreadyExists",
          ApiResponses.qualifiedResource(path)
              + " \""
              + object.path("metadata").path("name").asText()
              + "\" already exists",
          path);
    }
    return answer(answer, path);
  }

  private MockResponse replace(RecordedRequest request, ResourcePath path, ResourceType type) {
    JsonNode object = readObject(request);
    ObjectShape.check(type, object);
    checkName(path, object);
    checkNamespace(type, path, object);
    Optional<JsonNode> current = crud.get(path.objectPath());
    if (current.isEmpty()) {
      return notFound(path);
    }
    String expected = object.path("metadata").path("resourceVersion").asText("");
    String actual = current.get().path("metadata").path("resourceVersion").asText("");
    if (!expected.isEmpty() && !expected.equals(actual)) {
      return conflict(path);
    }
    validator.validate(type, object, current.get(), path.query().get("fieldValidation"));
    if (UnchangedWrite.isUnchanged(type, path.subresource(), current.get(), object)) {
      return ApiResponses.json(200, current.get());
    }
    if (path.isDryRun()) {
      return ApiResponses.json(
          200, UnchangedWrite.stored(type, path.subresource(), current.get(), object));
    }
    String target =
        path.subresource() == null
            ? path.objectPath()
            : path.objectPath() + "/" + path.subresource();
    return answer(crud.call(HttpMethod.PUT, target, object, "application/json"), path);
  }

  private MockResponse delete(ResourcePath path) {
    Optional<JsonNode> current = crud.get(path.objectPath());
    if (current.isEmpty()) {
      return notFound(path);
    }
    if (path.isDryRun()) {
      return ApiResponses.json(200, current.get());
    }
    CrudGateway.Answer answer = crud.call(HttpMethod.DELETE, path.objectPath(), null, null);
    if (!answer.ok()) {
      return answer(answer, path);
    }
    // With finalizers the object stays, marked with a deletionTimestamp.
    return ApiResponses.json(200, crud.get(path.objectPath()).orElse(current.get()));
  }

  // the alphabet and length of the API server's generated name suffixes (no vowels, no look-alikes)
  private static final String NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Names an object that gives only {@code generateName} as the API server does: five random
   * characters.
   */
  private static void generateName(ObjectNode object) {
    ObjectNode metadata = object.with("metadata");
    String prefix = metadata.path("generateName").asText("");
    if (metadata.path("name").asText("").isEmpty() && !prefix.isEmpty()) {
      StringBuilder name = new StringBuilder(prefix);
      for (int i = 0; i < 5; i++) {
        name.append(NAME_SUFFIX_ALPHABET.charAt(RANDOM.nextInt(NAME_SUFFIX_ALPHABET.length())));
      }
      metadata.put("name", name.toString());
    }
  }

  /** What a create would store, for a dry run: status dropped, first generation. */
  static JsonNode asCreated(ResourceType type, JsonNode object) {
    ObjectNode created = ((ObjectNode) object).deepCopy();
    if (type.statusSubresource()) {
      created.remove("status");
    }
    created.with("metadata").put("generation", 1);
    return created;
  }

  /** The server's 400 for a body naming another object than the URL: updates never rename. */
  static void checkName(ResourcePath path, JsonNode object) {
    String name = object.path("metadata").path("name").asText("");
    if (!name.isEmpty() && !name.equals(path.name())) {
      throw new InvalidObjectException(
          400,
          "BadRequest",
          "the name of the object ("
              + name
              + ") does not match the name on the URL ("
              + path.name()
              + ")");
    }
  }

  /** The server's 400 for a body in another namespace than the URL's. */
  static void checkNamespace(ResourceType type, ResourcePath path, JsonNode object) {
    String namespace = object.path("metadata").path("namespace").asText("");
    if (type.namespaced()
        && path.namespace() != null
        && !namespace.isEmpty()
        && !namespace.equals(path.namespace())) {
      throw new InvalidObjectException(
          400,
          "BadRequest",
          "the namespace of the provided object does not match the namespace sent on the request");
    }
  }

  static MockResponse conflict(ResourcePath path) {
    return ApiResponses.status(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + ApiResponses.qualifiedResource(path)
            + " \""
            + path.name()
            + "\": the object has been"
            + " modified; please apply your changes to the latest version and try again",
        path);
  }

  static MockResponse notFound(ResourcePath path) {
    return ApiResponses.status(
        404,
        "NotFound",
        ApiResponses.qualifiedResource(path)
            + (path.name() == null ? "" : " \"" + path.name() + "\"")
            + " not found",
        path);
  }

  static MockResponse answer(CrudGateway.Answer answer, ResourcePath path) {
    if (answer.ok()) {
      return ApiResponses.json(answer.code() == 202 ? 200 : answer.code(), answer.body());
    }
    if (answer.code() == 404) {
      return notFound(path);
    }
    if (answer.body() != null && "Status".equals(answer.body().path("kind").asText())) {
      return ApiResponses.json(answer.code(), answer.body());
    }
    return ApiResponses.status(
        answer.code(),
        ApiResponses.reasonOf(answer.code()),
        "the request on " + path.collectionPath() + " failed with HTTP " + answer.code(),
        path);
  }

  private static MockResponse fillStatus(MockResponse response, ResourcePath path) {
    if (response.code() >= 400 && (response.getBody() == null || response.getBody().size() == 0)) {
      return answer(new CrudGateway.Answer(response.code(), null), path);
    }
    return response;
  }

  private static JsonNode readObject(RecordedRequest request) {
    try {
      JsonNode object = JSON.readTree(request.getUtf8Body());
      if (object == null || !object.isObject()) {
        throw new InvalidObjectException(
            400, "BadRequest", "the request body must be a JSON object (a Kubernetes resource)");
      }
      return object;
    } catch (IOException e) {
      throw new InvalidObjectException(
          400, "BadRequest", "the request body is not valid JSON: " + e.getMessage());
    }
  }
}
