package io.computecase.worker.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Requests to an overridden endpoint: unsigned without credentials, signed with them. */
class LocalCredentialsTest {
  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(
              Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                  .orElse("(none)"));
          exchange.getRequestBody().readAllBytes();
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answerOnce() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (SfnClient sfn = AwsClients.stepFunctions("us-east-1", Optional.of(endpoint), 2)) {
      sfn.sendTaskSuccess(b -> b.taskToken("token").output("{}"));
    }
  }

  @Test
  void withoutCredentialsTheAnswerGoesUnsigned() {
    // Only meaningful where no AWS credentials are configured, as on CI and in the embedded stack.
    Assumptions.assumeTrue(
        System.getenv("AWS_ACCESS_KEY_ID") == null
            && System.getenv("AWS_PROFILE") == null
            && !Files.exists(Path.of(System.getProperty("user.home"), ".aws", "credentials")));
    answerOnce();
    assertThat(authorizations).containsExactly("(none)");
  }

  @Test
  void realCredentialsStillSign() {
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    try {
      answerOnce();
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
    assertThat(authorizations)
        .singleElement()
        .satisfies(
            header -> assertThat(header).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"));
  }
}
