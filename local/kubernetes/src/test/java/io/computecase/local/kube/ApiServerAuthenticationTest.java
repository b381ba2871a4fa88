package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only holders of the kubeconfig drive the embedded API server: HTTPS that kubectl verifies, and a
 * bearer token on every request, refused as kube-apiserver refuses a missing or wrong one.
 */
class ApiServerAuthenticationTest {

  private static final String UNAUTHORIZED =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
          + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}";

  @TempDir Path dir;
  private EmbeddedKubernetes server;
  private HttpClient http;

  @BeforeEach
  void start() {
    server = EmbeddedKubernetes.builder().dataDir(dir.resolve("data")).build();
    http = HttpClient.newBuilder().sslContext(server.sslContext()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequestWithoutATokenIsUnauthorizedAsKubeApiserverSaysIt() throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void aWrongTokenIsUnauthorized() throws Exception {
    String right = server.token();
    String sameLength = (right.charAt(0) == 'A' ? "B" : "A") + right.substring(1);

    for (String authorization :
        new String[] {
          "Bearer " + sameLength, "Bearer " + right + "x", "Bearer ", "Basic " + right, right
        }) {
      HttpResponse<String> response = get("/api/v1/namespaces", authorization);
      assertThat(response.statusCode()).as(authorization).isEqualTo(401);
      assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }
  }

  @Test
  void theRightTokenIsServed() throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces/default", "Bearer " + server.token());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"default\"");
    assertThat(get("/api/v1/namespaces", "bearer " + server.token()).statusCode()).isEqualTo(200);
  }

  @Test
  void theClientsRawHttpClientCarriesTheTokenAndTheTrust() throws Exception {
    // raw requests (tests that send malformed bodies) go through the fabric8 client's own
    // HttpClient: its configuration, not each caller, must carry the credentials
    var http = server.client().getHttpClient();
    var response =
        http.sendAsync(
                http.newHttpRequestBuilder()
                    .uri(server.url() + "/api/v1/namespaces/default")
                    .build(),
                String.class)
            .get(30, TimeUnit.SECONDS);

    assertThat(response.code()).as(response.body()).isEqualTo(200);
  }

  @Test
  void writesAndWatchesNeedTheTokenToo() throws Exception {
    HttpResponse<String> create =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(server.url() + "/api/v1/namespaces/default/configmaps"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> watch = get("/api/v1/namespaces/default/configmaps?watch=true", null);

    assertThat(create.statusCode()).isEqualTo(401);
    assertThat(watch.statusCode()).isEqualTo(401);
    assertThat(watch.body()).isEqualTo(UNAUTHORIZED);
    assertThat(server.client().configMaps().withName("x").get()).isNull();
  }

  @Test
  void healthAndVersionAreOpenAsOnKubeApiserverButNotToAWrongToken() throws Exception {
    assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
    assertThat(get("/livez", null).statusCode()).isEqualTo(200);
    assertThat(get("/version", null).body()).contains("gitVersion");

    assertThat(get("/healthz", "Bearer wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void theCertificateVerifiesForLoopbackNamesAndNothingElseTrustsIt() throws Exception {
    int port = URI.create(server.url()).getPort();
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/healthz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(host).isEqualTo(200);
    }

    HttpClient defaultTrust = HttpClient.newHttpClient();
    assertThatThrownBy(
            () ->
                defaultTrust.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void theTokenAndKeyAreKeptOwnerOnlyAndOutliveARestart() throws Exception {
    Path data = dir.resolve("data");
    String token = server.token();
    String certificate = server.certificateAuthorityPem();
    for (String file : new String[] {"token", "apiserver.key"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
    assertThat(Files.readString(data.resolve("token")).strip()).isEqualTo(token);
    assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 bits, base64url

    server.close();
    server = EmbeddedKubernetes.builder().dataDir(data).build();

    assertThat(server.token()).isEqualTo(token);
    assertThat(server.certificateAuthorityPem()).isEqualTo(certificate);
  }

  @Test
  void withoutADataDirectoryEachStartHasItsOwnToken() {
    try (EmbeddedKubernetes first = EmbeddedKubernetes.builder().build();
        EmbeddedKubernetes second = EmbeddedKubernetes.builder().build()) {
      assertThat(first.token()).isNotEqualTo(second.token());
      assertThat(first.token()).matches("[A-Za-z0-9_-]{43}");
    }
  }

  @Test
  void kubectlVerifiesTheServerAndSendsTheToken() throws Exception {
    Kubectl.assumeInstalled();
    Path kubeconfig = server.writeKubeconfig(dir.resolve("home/kubeconfig"));
    String written = Files.readString(kubeconfig);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig)))
        .isEqualTo("rw-------");
    assertThat(written)
        .contains("server: " + server.url())
        .contains("certificate-authority-data: ")
        .contains("token: \"" + server.token() + "\"")
        .doesNotContain("insecure-skip-tls-verify");
    Path manifest = dir.resolve("configmap.yaml");
    Files.writeString(
        manifest,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  greeting: hello\n");

    Kubectl kubectl = new Kubectl(kubeconfig);
    Kubectl.Result applied = kubectl.run("apply", "-f", manifest.toString());
    Kubectl.Result got =
        kubectl.run("get", "configmap", "applied", "-o", "jsonpath={.data.greeting}");

    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.out()).contains("configmap/applied created");
    assertThat(got.exitCode()).as(got.toString()).isZero();
    assertThat(got.out()).isEqualTo("hello");
  }

  @Test
  void kubectlWithAnotherTokenIsToldItIsUnauthorized() throws Exception {
    Kubectl.assumeInstalled();
    Path kubeconfig = server.writeKubeconfig(dir.resolve("home/kubeconfig"));
    // another token, not none: with no credentials at all kubectl asks for a password on stdin
    Files.writeString(
        kubeconfig,
        Files.readString(kubeconfig)
            .replace(
                server.token(),
                (server.token().startsWith("a") ? "b" : "a") + server.token().substring(1)));

    Kubectl.Result result = new Kubectl(kubeconfig).run("get", "configmaps");

    assertThat(result.exitCode()).as(result.toString()).isNotZero();
    assertThat(result.err()).contains("error: You must be logged in to the server");
  }
}
