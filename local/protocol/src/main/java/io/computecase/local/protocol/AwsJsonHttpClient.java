package io.computecase.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls an AWS JSON-protocol endpoint over HTTP without signing: for local services (ElasticMQ's
 * SQS JSON API, another local engine) that do not check signatures.
 */
public final class AwsJsonHttpClient implements AwsJsonService {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;
  private final String targetPrefix;
  private final String contentType;

  /**
   * @param endpoint the service's base URL, e.g. {@code http://127.0.0.1:9324}
   * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code AmazonSQS}
   * @param protocolVersion {@code 1.0} or {@code 1.1}
   */
  public AwsJsonHttpClient(String endpoint, String targetPrefix, String protocolVersion) {
    this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
    this.targetPrefix = targetPrefix;
    this.contentType = "application/x-amz-json-" + protocolVersion;
  }

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    try {
      HttpRequest httpRequest =
          HttpRequest.newBuilder(endpoint)
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", contentType)
              .header("X-Amz-Target", targetPrefix + "." + operation)
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(AwsJson.MAPPER.writeValueAsBytes(request)))
              .build();
      HttpResponse<byte[]> response =
          HTTP.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body =
          response.body().length == 0
              ? AwsJson.MAPPER.createObjectNode()
              : AwsJson.MAPPER.readTree(response.body());
      if (response.statusCode() / 100 != 2) {
        String type = body.path("__type").asText("InternalFailure");
        // AWS JSON error types may carry a namespace ("com.amazonaws.sqs#QueueDoesNotExist").
        String code = type.substring(type.indexOf('#') + 1);
        String message =
            body.hasNonNull("message")
                ? body.get("message").asText()
                : body.path("Message").asText("");
        throw new AwsServiceException(code, response.statusCode(), message);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot reach " + endpoint + " for " + targetPrefix + "." + operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted calling " + targetPrefix + "." + operation, e);
    }
  }
}
