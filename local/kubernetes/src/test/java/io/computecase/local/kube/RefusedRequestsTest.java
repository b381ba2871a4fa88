package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests a real API server refuses before it stores anything, refused here with its Status codes:
 * found by the fuzz suite (issue #15), where each was stored or answered 200 or 500. One of them, a
 * ComputeCase posted with kind ComputeTarget, reached the ComputeTarget informer, which could not
 * decode it and stopped the operator's process.
 */
class RefusedRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CASES =
      "/apis/computecase.io/v1alpha1/namespaces/default/computecases";
  private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";
  private static EmbeddedKubernetes server;
  private static HttpClient http;
  private static String base;

  @BeforeAll
  static void start() {
    server = EmbeddedKubernetes.builder().build();
    ComputeCases.createCrd(server.client());
    // the client's own HTTP client carries whatever TLS trust and credentials its Config holds
    http = server.client().getHttpClient();
    String master = server.client().getConfiguration().getMasterUrl();
    base = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
    send(
        "POST",
        CONFIG_MAPS,
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"kept\"},\"data\":{\"k\":\"v\"}}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(
      String method, String path, String contentType, String body) {
    HttpRequest.Builder request = http.newHttpRequestBuilder().uri(base + path);
    if (body != null) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      request.method(method, contentType, new ByteArrayInputStream(bytes), (long) bytes.length);
    }
    try {
      return http.sendAsync(request.build(), String.class).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " got no answer", e);
    }
  }

  /** The Status of a refusal, checked to carry the HTTP code it came with. */
  private static JsonNode refused(
      int code, String method, String path, String contentType, String body) throws Exception {
    HttpResponse<String> response = send(method, path, contentType, body);
    assertThat(response.code()).as(method + " " + path + ": " + response.body()).isEqualTo(code);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("code").asInt()).isEqualTo(code);
    return status;
  }

  private static String computeCase(String name, String kind) {
    return "{\"apiVersion\":\"computecase.io/v1alpha1\",\"kind\":\""
        + kind
        + "\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{\"generate\":{\"count\":2}}}";
  }

  @Test
  void anotherKindOrApiVersionIsABadRequestAndNothingIsStored() throws Exception {
    assertThat(
            refused(
                    400,
                    "POST",
                    CASES,
                    "application/json",
                    computeCase("other-kind", "ComputeTarget"))
                .path("message")
                .asText())
        .contains("ComputeTarget");
    refused(
        400,
        "POST",
        CONFIG_MAPS,
        "application/json",
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"apps\"}}");
    refused(
        400,
        "POST",
        CONFIG_MAPS,
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"secret\"}}");
    refused(
        400,
        "PATCH",
        CONFIG_MAPS + "/kept",
        "application/merge-patch+json",
        "{\"kind\":\"Secret\"}");
    assertThat(ComputeCases.cases(server.client()).inAnyNamespace().list().getItems())
        .extracting(c -> c.getMetadata().getName())
        .doesNotContain("other-kind");
    assertThat(server.client().configMaps().inNamespace("default").list().getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("kept");
  }

  @Test
  void metadataThatIsNoObjectMetaIsABadRequest() throws Exception {
    refused(
        400,
        "POST",
        CASES,
        "application/json",
        computeCase("x", "ComputeCase").replace("{\"name\":\"x\"}", "\"x\""));
    refused(
        400,
        "POST",
        CASES,
        "application/json",
        computeCase("x", "ComputeCase").replace("\"name\":\"x\"", "\"name\":42"));
    refused(
        400,
        "POST",
        CASES,
        "application/json",
        computeCase("x", "ComputeCase")
            .replace("\"name\":\"x\"", "\"name\":\"x\",\"labels\":{\"a\":1}"));
    refused(
        400,
        "PATCH",
        CONFIG_MAPS + "/kept",
        "application/json-patch+json",
        "[{\"op\":\"replace\",\"path\":\"/metadata\",\"value\":1}]");
    String unknownMetadata =
        computeCase("owned", "ComputeCase")
            .replace("\"name\":\"owned\"", "\"name\":\"owned\",\"owner\":\"me\"");
    assertThat(
            refused(
                    400,
                    "POST",
                    CASES + "?fieldValidation=Strict",
                    "application/json",
                    unknownMetadata)
                .path("message")
                .asText())
        .contains("unknown field \"metadata.owner\"");
    assertThat(send("POST", CASES, "application/json", unknownMetadata).code()).isEqualTo(201);
    assertThat(
            ComputeCases.named(server.client(), "owned")
                .get()
                .getMetadata()
                .getAdditionalProperties())
        .as("pruned, as the server prunes unknown fields without Strict")
        .doesNotContainKey("owner");
    ComputeCases.named(server.client(), "owned").delete();
  }

  @Test
  void namesAndNamespacesAreTheUrlsOrRefused() throws Exception {
    refused(
        405,
        "POST",
        CONFIG_MAPS + "/kept",
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"new\"}}");
    refused(
        400,
        "POST",
        CONFIG_MAPS,
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"n\",\"namespace\":\"kube-system\"}}");
    refused(
        400,
        "PUT",
        CONFIG_MAPS + "/kept",
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"renamed\"}}");
    refused(
        400,
        "PATCH",
        CONFIG_MAPS + "/kept",
        "application/merge-patch+json",
        "{\"metadata\":{\"name\":\"renamed\"}}");
    assertThat(
            refused(
                    422,
                    "POST",
                    CONFIG_MAPS,
                    "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{}}")
                .path("message")
                .asText())
        .contains("name or generateName is required");
    refused(
        422,
        "POST",
        CASES,
        "application/json",
        computeCase("x", "ComputeCase").replace("\"name\":\"x\"", "\"generateName\":\"Bad_\""));
    assertThat(server.client().configMaps().inNamespace("default").list().getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("kept");
  }

  @Test
  void selectorsLimitsAndOptionsThatDoNotParseAreRefused() throws Exception {
    refused(400, "GET", CONFIG_MAPS + "?labelSelector=a+in+%28b", null, null);
    refused(400, "GET", CONFIG_MAPS + "?labelSelector=a%3Db%2C%3Dc", null, null);
    refused(400, "GET", CONFIG_MAPS + "?fieldSelector=metadata.name", null, null);
    refused(400, "GET", CONFIG_MAPS + "?limit=abc", null, null);
    refused(
        422,
        "POST",
        CONFIG_MAPS + "?dryRun=Bogus",
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dry\"}}");
    assertThat(
            send(
                    "GET",
                    CONFIG_MAPS
                        + "?labelSelector=app+in+%28a%2Cb%29%2C%21gone%2Ctier%21%3Dweb&limit=5",
                    null,
                    null)
                .code())
        .as("a selector of every form the server parses")
        .isEqualTo(200);
    assertThat(
            send(
                    "GET",
                    CONFIG_MAPS + "?fieldSelector=metadata.name%3Dkept%2Cmetadata.namespace%21%3Dx",
                    null,
                    null)
                .code())
        .isEqualTo(200);
  }

  @Test
  void aJsonPatchRemovingWhatIsNotThereOrABodyWithTrailingDataIsRefused() throws Exception {
    refused(
        422,
        "PATCH",
        CONFIG_MAPS + "/kept",
        "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/data/absent\"}]");
    refused(
        400,
        "POST",
        CONFIG_MAPS,
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"twice\"}} {}");
    assertThat(server.client().configMaps().inNamespace("default").withName("kept").get().getData())
        .containsEntry("k", "v");
  }
}
