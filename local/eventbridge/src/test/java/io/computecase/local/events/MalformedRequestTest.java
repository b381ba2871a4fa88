package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests an SDK would never send still get AWS-shaped errors that name the member at fault. */
class MalformedRequestTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalEventBridge bridge;
  private static String endpoint;

  @BeforeAll
  static void start() {
    // Queue targets need an SQS service; these requests are refused before any call to it.
    AwsJsonService unreachableSqs = new AwsJsonHttpClient("http://127.0.0.1:9", "AmazonSQS", "1.0");
    bridge = LocalEventBridge.builder().service("sqs", unreachableSqs).build();
    endpoint = bridge.serve(0).endpoint();
  }

  @AfterAll
  static void stop() {
    bridge.close();
  }

  /** The status and the error body of a raw JSON 1.1 call. */
  private static HttpResponse<String> call(String operation, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(endpoint + "/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSEvents." + operation)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode error(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    return AwsJson.MAPPER.readTree(response.body());
  }

  @Test
  void aBodyThatIsNotJsonIsASerializationException() throws Exception {
    assertThat(error(call("PutEvents", "{\"Entries\": [")).get("__type").asText())
        .isEqualTo("SerializationException");
  }

  @Test
  void aMissingRequiredMemberIsNamed() throws Exception {
    JsonNode error = error(call("PutRule", "{\"EventPattern\":\"{\\\"source\\\":[\\\"x\\\"]}\"}"));

    assertThat(error.get("__type").asText()).isEqualTo("ValidationException");
    assertThat(error.get("message").asText()).contains("'Name'").contains("must not be null");
  }

  @Test
  void entriesOfTheWrongTypeAreASerializationException() throws Exception {
    JsonNode error = error(call("PutEvents", "{\"Entries\":\"one\"}"));

    assertThat(error.get("__type").asText()).isEqualTo("SerializationException");
    assertThat(error.get("message").asText()).contains("Entries");
  }

  @Test
  void aRetryPolicyOutOfRangeIsAValidationException() throws Exception {
    call("PutRule", "{\"Name\":\"r\",\"EventPattern\":\"{\\\"source\\\":[\\\"x\\\"]}\"}");

    JsonNode error =
        error(
            call(
                "PutTargets",
                "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"q\",\"Arn\":\"arn:aws:sqs:us-east-1:000000000000:q\","
                    + "\"RetryPolicy\":{\"MaximumEventAgeInSeconds\":10}}]}"));

    assertThat(error.get("__type").asText()).isEqualTo("ValidationException");
    assertThat(error.get("message").asText())
        .contains("retryPolicy.maximumEventAgeInSeconds")
        .contains("greater than or equal to 60");
  }

  @Test
  void anEntryMemberOfTheWrongTypeFailsTheWholeCall() throws Exception {
    JsonNode error =
        error(
            call(
                "PutEvents",
                "{\"Entries\":[{\"Source\":[\"x\"],\"DetailType\":\"d\",\"Detail\":\"{}\"}]}"));

    assertThat(error.get("__type").asText()).isEqualTo("SerializationException");
    assertThat(error.get("message").asText()).contains("Source");
    assertThat(error(call("PutEvents", "{\"Entries\":[\"event\"]}")).get("__type").asText())
        .isEqualTo("SerializationException");
  }

  @Test
  void tagsAndTagKeysOfTheWrongTypeAreASerializationException() throws Exception {
    assertThat(
            error(
                    call(
                        "CreateEventBus",
                        "{\"Name\":\"typed\",\"Tags\":[{\"Key\":1,\"Value\":\"v\"}]}"))
                .get("__type")
                .asText())
        .isEqualTo("SerializationException");
    assertThat(
            error(
                    call(
                        "UntagResource",
                        "{\"ResourceARN\":\"arn:aws:events:us-east-1:000000000000:event-bus/default\",\"TagKeys\":\"k\"}"))
                .get("__type")
                .asText())
        .isEqualTo("SerializationException");
    assertThat(call("DescribeEventBus", "{\"Name\":\"typed\"}").statusCode())
        .as("the refused bus was not created")
        .isEqualTo(400);
  }

  @Test
  void aPatternOverTheModelsLengthIsAValidationException() throws Exception {
    String pattern = "{\\\"source\\\":[\\\"" + "x".repeat(5000) + "\\\"]}";
    JsonNode error =
        error(call("PutRule", "{\"Name\":\"long\",\"EventPattern\":\"" + pattern + "\"}"));

    assertThat(error.get("__type").asText()).isEqualTo("ValidationException");
    assertThat(error.get("message").asText()).contains("eventPattern").contains("4096");
  }

  @Test
  void anUnknownOperationIsRefused() throws Exception {
    assertThat(error(call("PutPermissionX", "{}")).get("__type").asText())
        .isEqualTo("UnknownOperationException");
  }
}
