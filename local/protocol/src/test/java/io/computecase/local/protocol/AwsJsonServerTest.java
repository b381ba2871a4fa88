package io.computecase.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

class AwsJsonServerTest {
  private AwsJsonServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() {
    server =
        AwsJsonServer.builder("AWSStepFunctions", "1.0")
            .operation(
                "ListStateMachines",
                request ->
                    AwsJson.MAPPER
                        .createObjectNode()
                        .set("stateMachines", AwsJson.MAPPER.createArrayNode()))
            .operation(
                "DescribeStateMachine",
                request -> {
                  String arn = new RequestFields(request).requiredString("stateMachineArn");
                  throw new AwsServiceException(
                      "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
                })
            .operation("DescribeExecution", request -> servedOn())
            .nonBlockingOperation("SendTaskHeartbeat", request -> servedOn())
            .nonBlockingOperation(
                "SendTaskFailure",
                request -> {
                  throw new AwsServiceException("TaskDoesNotExist", "Task Does Not Exist");
                })
            .start();
    sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(server.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
  }

  @AfterEach
  void stop() {
    sfn.close();
    server.close();
  }

  private static JsonNode servedOn() {
    return AwsJson.MAPPER.createObjectNode().put("thread", Thread.currentThread().getName());
  }

  private String threadServing(String operation) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint()))
                    .header("X-Amz-Target", "AWSStepFunctions." + operation)
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return AwsJson.MAPPER.readTree(response.body()).path("thread").asText();
  }

  @Test
  void aNonBlockingOperationIsServedOnTheThreadThatReadItAndOthersOnTheServersPool()
      throws Exception {
    assertThat(threadServing("SendTaskHeartbeat")).startsWith("vert.x-eventloop");
    assertThat(threadServing("DescribeExecution")).startsWith("AWSStepFunctions-http-");
    assertThat(server.blocks("SendTaskHeartbeat")).isFalse();
    assertThat(server.blocks("DescribeExecution")).isTrue();
  }

  @Test
  void aNonBlockingOperationsErrorsReachTheSdkAsAnyOthers() {
    SfnException e =
        catchThrowableOfType(
            SfnException.class, () -> sfn.sendTaskFailure(b -> b.taskToken("gone")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TaskDoesNotExist");
    assertThat(e.statusCode()).isEqualTo(400);
  }

  @Test
  void sdkReadsSuccessfulResponses() {
    assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
  }

  @Test
  void sdkSeesTheAwsErrorCodeStatusAndMessage() {
    SfnException e =
        catchThrowableOfType(
            SfnException.class,
            () ->
                sfn.describeStateMachine(
                    b ->
                        b.stateMachineArn("arn:aws:states:us-east-1:000000000000:stateMachine:x")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("StateMachineDoesNotExist");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage()).contains("stateMachine:x");
  }

  @Test
  void missingRequiredMemberIsAValidationException() throws Exception {
    HttpResponse<String> response = post("AWSStepFunctions.DescribeStateMachine", "{}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("\"__type\":\"ValidationException\"")
        .contains("'stateMachineArn'");
  }

  @Test
  void malformedJsonIsASerializationException() throws Exception {
    HttpResponse<String> response = post("AWSStepFunctions.DescribeStateMachine", "{not json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("SerializationException");
  }

  @Test
  void jsonFollowedByMoreIsASerializationException() throws Exception {
    HttpResponse<String> response =
        post("AWSStepFunctions.DescribeStateMachine", "{\"stateMachineArn\":\"a\"} {\"x\":1}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("SerializationException");
  }

  @Test
  void membersOfTheWrongJsonTypeAreASerializationException() {
    RequestFields fields =
        new RequestFields(AwsJson.MAPPER.createObjectNode().put("tags", "k=v").put("logging", 1));
    assertThat(
            catchThrowableOfType(
                    AwsServiceException.class, () -> fields.optionalList("tags", "structure"))
                .code())
        .isEqualTo("SerializationException");
    assertThat(
            catchThrowableOfType(
                    AwsServiceException.class, () -> fields.optionalStructure("logging"))
                .code())
        .isEqualTo("SerializationException");
    RequestFields list =
        new RequestFields(
            AwsJson.MAPPER.createObjectNode().set("keys", AwsJson.MAPPER.createArrayNode().add(1)));
    assertThat(
            catchThrowableOfType(
                    AwsServiceException.class, () -> list.optionalList("keys", "string"))
                .getMessage())
        .contains("'keys'");
    assertThat(fields.optionalList("absent", "string")).isEmpty();
  }

  @Test
  void unknownOperationIsRefused() throws Exception {
    HttpResponse<String> response = post("AWSStepFunctions.NoSuchThing", "{}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("UnknownOperationException").contains("NoSuchThing");
  }

  private HttpResponse<String> post(String target, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.endpoint()))
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
