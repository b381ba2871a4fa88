package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery, OpenAPI and error answers over HTTPS with the token, as any client sees them. */
class ApiServerHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedKubernetes server;
  private HttpClient http;

  @BeforeAll
  static void start() {
    server = EmbeddedKubernetes.builder().build();
    ComputeCases.createCrd(server.client());
  }

  @org.junit.jupiter.api.BeforeEach
  void trustTheServer() {
    http = HttpClient.newBuilder().sslContext(server.sslContext()).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    request.header("Authorization", "Bearer " + server.token());
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send("GET", path, null, null);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void groupVersionDiscoveryListsTheCrdWithItsSubresources() throws Exception {
    JsonNode list = get("/apis/computecase.io/v1alpha1");

    assertThat(list.path("groupVersion").asText()).isEqualTo("computecase.io/v1alpha1");
    assertThat(list.path("resources").findValuesAsText("name"))
        .containsExactly("computecases", "computecases/status");
    JsonNode cases = list.path("resources").get(0);
    assertThat(cases.path("shortNames").get(0).asText()).isEqualTo("cc");
    assertThat(cases.path("namespaced").asBoolean()).isTrue();
    assertThat(cases.path("verbs").toString()).contains("watch", "patch");
  }

  @Test
  void groupsIncludeBuiltInsAndCrdGroups() throws Exception {
    assertThat(get("/apis").path("groups").findValuesAsText("name"))
        .contains("apps", "coordination.k8s.io", "apiextensions.k8s.io", "computecase.io");
    assertThat(get("/api").path("versions").get(0).asText()).isEqualTo("v1");
    assertThat(get("/apis/apps/v1").path("resources").findValuesAsText("name"))
        .contains("deployments", "deployments/scale");
  }

  @Test
  void openApiV3CarriesTheCrdSchemaAndFieldValidation() throws Exception {
    String url =
        get("/openapi/v3")
            .path("paths")
            .path("apis/computecase.io/v1alpha1")
            .path("serverRelativeURL")
            .asText();
    JsonNode document = get(url);

    JsonNode schema =
        document.path("components").path("schemas").path("io.computecase.v1alpha1.ComputeCase");
    assertThat(
            schema
                .path("properties")
                .path("spec")
                .path("properties")
                .path("maxConcurrency")
                .path("type")
                .asText())
        .isEqualTo("integer");
    assertThat(schema.path("x-kubernetes-group-version-kind").get(0).path("kind").asText())
        .isEqualTo("ComputeCase");
    assertThat(
            document
                .path("paths")
                .path("/apis/computecase.io/v1alpha1/namespaces/{namespace}/computecases/{name}")
                .path("patch")
                .path("parameters")
                .findValuesAsText("name"))
        .contains("fieldValidation");
  }

  @Test
  void openApiV2IsServedAsJson() throws Exception {
    JsonNode document = get("/openapi/v2");

    assertThat(document.path("swagger").asText()).isEqualTo("2.0");
    assertThat(document.path("definitions").has("io.computecase.v1alpha1.ComputeCase")).isTrue();
  }

  @Test
  void unknownResourceIsANotFoundStatus() throws Exception {
    HttpResponse<String> response =
        send("GET", "/apis/computecase.io/v1alpha1/namespaces/default/widgets", null, null);

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("reason").asText()).isEqualTo("NotFound");
  }

  @Test
  void patchWithAnUnsupportedContentTypeIs415NamingTheSupportedTypes() throws Exception {
    server
        .client()
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder().withNewMetadata().withName("patch-me").endMetadata().build())
        .createOr(c -> c.update());

    HttpResponse<String> response =
        send("PATCH", "/api/v1/namespaces/default/configmaps/patch-me", "text/plain", "data: {}");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(response.body()).path("message").asText())
        .contains("application/merge-patch+json", "application/apply-patch+yaml");
  }

  @Test
  void createWithABodyThatIsNotJsonIs400() throws Exception {
    HttpResponse<String> response =
        send("POST", "/api/v1/namespaces/default/configmaps", "application/json", "{not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("message").asText()).contains("not valid JSON");
  }

  @Test
  void createOfAnExistingNameIsAlreadyExists() throws Exception {
    String body =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"twice\"}}";
    assertThat(
            send("POST", "/api/v1/namespaces/default/configmaps", "application/json", body)
                .statusCode())
        .isEqualTo(201);

    HttpResponse<String> again =
        send("POST", "/api/v1/namespaces/default/configmaps", "application/json", body);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).path("message").asText())
        .isEqualTo("configmaps \"twice\" already exists");
  }

  @Test
  void builderRejectsAnInvalidPort() {
    assertThatThrownBy(() -> EmbeddedKubernetes.builder().port(70000))
        .hasMessageContaining("port must be 0 (any free port) or 1-65535, got 70000");
  }

  @Test
  void aPortInUseIsReportedWithThePort() {
    int port = URI.create(server.url()).getPort();

    assertThatThrownBy(() -> EmbeddedKubernetes.builder().port(port).build())
        .hasMessageContaining("cannot listen on 127.0.0.1:" + port);
  }

  @Test
  void aWildcardListenerIsReachedThroughLoopback() {
    try (EmbeddedKubernetes wide = EmbeddedKubernetes.builder().host("0.0.0.0").build()) {
      assertThat(wide.url()).startsWith("https://127.0.0.1:");
      assertThat(wide.client().namespaces().withName("default").get()).isNotNull();
    }
  }

  @Test
  void aBodyOverThreeMebibytesIsRefusedAsTheApiServerDoes() throws Exception {
    String big =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},"
            + "\"data\":{\"x\":\""
            + "a".repeat(4 * 1024 * 1024)
            + "\"}}";
    HttpResponse<String> refused =
        send("POST", "/api/v1/namespaces/default/configmaps", "application/json", big);
    assertThat(refused.statusCode()).isEqualTo(413);
    JsonNode status = JSON.readTree(refused.body());
    assertThat(status.path("reason").asText()).isEqualTo("RequestEntityTooLarge");
    assertThat(status.path("message").asText())
        .isEqualTo("Request entity too large: limit is 3145728");
    assertThat(send("GET", "/api/v1/namespaces/default/configmaps/big", null, null).statusCode())
        .isEqualTo(404);
  }
}
