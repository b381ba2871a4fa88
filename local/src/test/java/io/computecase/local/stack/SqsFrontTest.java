package io.computecase.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The embedded SQS endpoint answers as SQS does the requests ElasticMQ answers wrongly (a member of
 * the wrong JSON type, a missing or unknown operation, a batch with no entries), in SQS's JSON
 * error shape that the SDK v2 turns into the right exception; every valid request, in the JSON or
 * the Query protocol, is still served by ElasticMQ.
 */
class SqsFrontTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static EmbeddedAws aws;
  private static SqsClient sqs;
  private static String queueUrl;

  @BeforeAll
  static void start() {
    aws = EmbeddedAws.start();
    sqs = client(UnaryOperator.identity(), UnaryOperator.identity());
    queueUrl = sqs.createQueue(b -> b.queueName("front")).queueUrl();
  }

  @AfterAll
  static void stop() {
    if (sqs != null) {
      sqs.close();
    }
    if (aws != null) {
      aws.close();
    }
  }

  @Test
  void aMemberOfTheWrongJsonTypeIsASerializationException() throws Exception {
    for (String body :
        List.of(
            "{\"QueueUrl\":\"" + queueUrl + "\",\"MaxNumberOfMessages\":\"ten\"}",
            "{\"QueueUrl\":5}",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"WaitTimeSeconds\":1.5}",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"VisibilityTimeout\":12345678901}",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"AttributeNames\":\"All\"}",
            "{\"QueueUrl\":\"" + queueUrl + "\",\"AttributeNames\":[null]}")) {
      assertRefused(
          post("ReceiveMessage", body), "com.amazon.coral.service#SerializationException", null);
    }
    assertRefused(
        post("SendMessageBatch", "{\"QueueUrl\":\"" + queueUrl + "\",\"Entries\":{}}"),
        "com.amazon.coral.service#SerializationException",
        null);
    assertRefused(
        post(
            "SendMessageBatch",
            "{\"QueueUrl\":\""
                + queueUrl
                + "\",\"Entries\":[{\"Id\":\"a\",\"MessageBody\":true}]}"),
        "com.amazon.coral.service#SerializationException",
        null);
    assertRefused(
        post(
            "SendMessage",
            "{\"QueueUrl\":\""
                + queueUrl
                + "\",\"MessageBody\":\"m\",\"MessageAttributes\":{\"a\":{\"DataType\":\"Binary\","
                + "\"BinaryValue\":\"not base64!\"}}}"),
        "com.amazon.coral.service#SerializationException",
        null);
    assertRefused(
        post("TagQueue", "{\"QueueUrl\":\"" + queueUrl + "\",\"Tags\":{\"k\":7}}"),
        "com.amazon.coral.service#SerializationException",
        null);
    assertRefused(
        post("CreateQueue", "{\"QueueName\":\"typed\",\"Attributes\":[\"VisibilityTimeout\"]}"),
        "com.amazon.coral.service#SerializationException",
        null);
  }

  @Test
  void aBodyThatIsNotOneJsonObjectIsASerializationException() throws Exception {
    for (String body : List.of("", "[]", "\"ListQueues\"", "{\"QueueNamePrefix\":", "{} {}", "~")) {
      assertRefused(
          post("ListQueues", body), "com.amazon.coral.service#SerializationException", null);
    }
  }

  @Test
  void theSdkReadsAMistypedMemberAsASerializationException() {
    try (SqsClient mistyping =
        client(
            body -> body.replace("\"MaxNumberOfMessages\":1", "\"MaxNumberOfMessages\":\"1\""),
            UnaryOperator.identity())) {
      SqsException refused =
          catchThrowableOfType(
              () -> mistyping.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(1)),
              SqsException.class);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("SerializationException");
      assertThat(refused.awsErrorDetails().errorMessage())
          .isEqualTo("STRING_VALUE can not be converted to an Integer (at /MaxNumberOfMessages)");
    }
  }

  @Test
  void aMissingOrUnknownOperationIsAnUnknownOperationException() throws Exception {
    for (String target :
        List.of(
            "AmazonSQS.NoSuchOperation",
            "AmazonSQS.",
            "AmazonSQS.sendmessage",
            "AmazonSQS.../CreateQueue",
            "Other_20250101.CreateQueue",
            "CreateQueue",
            "")) {
      assertRefused(
          send(jsonRequest(target, "{}")),
          "com.amazon.coral.service#UnknownOperationException",
          null);
    }
    HttpRequest noTarget =
        HttpRequest.newBuilder(aws.sqsEndpoint().resolve("/"))
            .timeout(PATIENCE)
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertRefused(send(noTarget), "com.amazon.coral.service#UnknownOperationException", null);
  }

  @Test
  void theSdkReadsAnUnknownOperationAsAnUnknownOperationException() {
    try (SqsClient unknown =
        client(
            UnaryOperator.identity(),
            request ->
                request.toBuilder().putHeader("X-Amz-Target", "AmazonSQS.ListQueuez").build())) {
      SqsException refused = catchThrowableOfType(() -> unknown.listQueues(), SqsException.class);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
    }
  }

  @Test
  void aBatchWithNoEntriesIsAnEmptyBatchRequest() {
    List<Runnable> emptyBatches =
        List.of(
            () -> sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(List.of())),
            () -> sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(List.of())),
            () -> sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(List.of())),
            // no Entries member at all
            () -> sqs.sendMessageBatch(b -> b.queueUrl(queueUrl)));
    for (Runnable emptyBatch : emptyBatches) {
      EmptyBatchRequestException refused =
          catchThrowableOfType(emptyBatch::run, EmptyBatchRequestException.class);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorCode())
          .isEqualTo("AWS.SimpleQueueService.EmptyBatchRequest");
      assertThat(refused.awsErrorDetails().errorMessage()).contains("at least one");
    }
  }

  @Test
  void aMissingRequiredMemberIsAMissingParameter() throws Exception {
    HttpResponse<String> noQueue = post("SendMessage", "{\"MessageBody\":\"m\"}");
    assertRefused(noQueue, "com.amazonaws.sqs#MissingParameter", "MissingParameter;Sender");
    assertThat(JSON.readTree(noQueue.body()).path("message").asText())
        .isEqualTo("The request must contain the parameter QueueUrl.");

    // a null member is an absent one
    HttpResponse<String> nullBody =
        post("SendMessage", "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":null}");
    assertRefused(nullBody, "com.amazonaws.sqs#MissingParameter", "MissingParameter;Sender");

    HttpResponse<String> entryWithoutBody =
        post(
            "SendMessageBatch",
            "{\"QueueUrl\":\""
                + queueUrl
                + "\",\"Entries\":[{\"Id\":\"a\",\"MessageBody\":\"m\"},{\"Id\":\"b\"}]}");
    assertRefused(
        entryWithoutBody, "com.amazonaws.sqs#MissingParameter", "MissingParameter;Sender");
    assertThat(JSON.readTree(entryWithoutBody.body()).path("message").asText())
        .isEqualTo("The request must contain the parameter MessageBody (at /Entries/1).");

    SqsException refused =
        catchThrowableOfType(
            () -> sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle("r")),
            SqsException.class);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
    assertThat(refused.awsErrorDetails().errorMessage()).contains("VisibilityTimeout");
  }

  @Test
  void everyRequiredMemberNamesAMemberOfTheSdkModel() throws Exception {
    for (var required : SqsRequiredMembers.all().entrySet()) {
      Class<?> type =
          Class.forName("software.amazon.awssdk.services.sqs.model." + required.getKey());
      var fields =
          ((SdkPojo) type.getMethod("builder").invoke(null))
              .sdkFields().stream().map(SdkField::locationName).toList();
      assertThat(fields).as(required.getKey()).containsAll(required.getValue());
    }
  }

  @Test
  void anEmptyBatchIsRefusedInSqsShapeOverHttp() throws Exception {
    HttpResponse<String> answer =
        post("SendMessageBatch", "{\"QueueUrl\":\"" + queueUrl + "\",\"Entries\":[]}");
    assertRefused(
        answer,
        "com.amazonaws.sqs#EmptyBatchRequest",
        "AWS.SimpleQueueService.EmptyBatchRequest;Sender");
    assertThat(JSON.readTree(answer.body()).path("message").asText())
        .isEqualTo("There should be at least one SendMessageBatchRequestEntry in the request.");
  }

  @Test
  void everySdkOperationIsCheckedAndItsBatchesAreTheEntriesOperations() {
    SqsShapes shapes = SqsShapes.fromSdkModel();
    assertThat(shapes.operationNames())
        .contains("SendMessage", "ReceiveMessage", "DeleteMessageBatch", "ListMessageMoveTasks")
        .hasSizeGreaterThanOrEqualTo(23);
    assertThat(shapes.operationNames().stream().filter(name -> shapes.operation(name).batch()))
        .containsExactlyInAnyOrder(
            "SendMessageBatch", "DeleteMessageBatch", "ChangeMessageVisibilityBatch");
    assertThat(shapes.operation("SendMessageBatch").entryType())
        .isEqualTo("SendMessageBatchRequestEntry");
  }

  @Test
  void validCallsAreServedAsBefore() {
    String url = sqs.createQueue(b -> b.queueName("front-valid")).queueUrl();
    assertThat(url).startsWith(aws.sqsEndpoint().toString());
    assertThat(sqs.getQueueUrl(b -> b.queueName("front-valid")).queueUrl()).isEqualTo(url);
    assertThat(sqs.listQueues(b -> b.queueNamePrefix("front-valid")).queueUrls())
        .containsExactly(url);

    sqs.setQueueAttributes(
        b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45")));
    assertThat(
            sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes())
        .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45");

    sqs.tagQueue(b -> b.queueUrl(url).tags(Map.of("team", "compute", "tier", "test")));
    sqs.untagQueue(b -> b.queueUrl(url).tagKeys("tier"));
    assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).isEqualTo(Map.of("team", "compute"));

    long started = System.nanoTime();
    assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("a long poll of an empty queue waits its WaitTimeSeconds")
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));

    sqs.sendMessage(b -> b.queueUrl(url).messageBody("one"));
    Message one = receiveOne(url);
    assertThat(one.body()).isEqualTo("one");
    sqs.changeMessageVisibility(
        b -> b.queueUrl(url).receiptHandle(one.receiptHandle()).visibilityTimeout(0));
    Message again = receiveOne(url);
    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.receiptHandle()));

    var sent =
        sqs.sendMessageBatch(
            b ->
                b.queueUrl(url)
                    .entries(
                        SendMessageBatchRequestEntry.builder()
                            .id("a")
                            .messageBody("batch a")
                            .build(),
                        SendMessageBatchRequestEntry.builder()
                            .id("b")
                            .messageBody("batch b")
                            .build()));
    assertThat(sent.successful()).hasSize(2);
    assertThat(sent.failed()).isEmpty();
    List<Message> batch = new ArrayList<>();
    for (int attempt = 0; attempt < 5 && batch.size() < 2; attempt++) {
      batch.addAll(
          sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages());
    }
    assertThat(batch).extracting(Message::body).containsExactlyInAnyOrder("batch a", "batch b");
    var changed =
        sqs.changeMessageVisibilityBatch(
            b ->
                b.queueUrl(url)
                    .entries(
                        batch.stream()
                            .map(
                                m ->
                                    ChangeMessageVisibilityBatchRequestEntry.builder()
                                        .id(m.messageId())
                                        .receiptHandle(m.receiptHandle())
                                        .visibilityTimeout(60)
                                        .build())
                            .toList()));
    assertThat(changed.successful()).hasSize(2);
    var deleted =
        sqs.deleteMessageBatch(
            b ->
                b.queueUrl(url)
                    .entries(
                        batch.stream()
                            .map(
                                m ->
                                    DeleteMessageBatchRequestEntry.builder()
                                        .id(m.messageId())
                                        .receiptHandle(m.receiptHandle())
                                        .build())
                            .toList()));
    assertThat(deleted.successful()).hasSize(2);
    assertThat(deleted.failed()).isEmpty();

    sqs.purgeQueue(b -> b.queueUrl(url));
    sqs.deleteQueue(b -> b.queueUrl(url));
  }

  @Test
  void elasticMqsOwnErrorsComeBackAsTheSdkKnowsThem() {
    catchThrowableOfType(
        () -> sqs.getQueueUrl(b -> b.queueName("front-absent")), QueueDoesNotExistException.class);
  }

  @Test
  void aQueryProtocolRequestIsServed() throws Exception {
    String name = "front-query";
    String created = sqs.createQueue(b -> b.queueName(name)).queueUrl();
    HttpResponse<String> send =
        send(
            formRequest(
                "Action=SendMessage&Version=2012-11-05&QueueUrl="
                    + URLEncoder.encode(created, StandardCharsets.UTF_8)
                    + "&MessageBody=by+query"));
    assertThat(send.statusCode()).isEqualTo(200);
    assertThat(send.body()).contains("<SendMessageResponse").contains("<MessageId>");
    assertThat(receiveOne(created).body()).isEqualTo("by query");

    HttpResponse<String> url =
        send(formRequest("Action=GetQueueUrl&Version=2012-11-05&QueueName=" + name));
    assertThat(url.statusCode()).isEqualTo(200);
    assertThat(url.body()).contains("<QueueUrl>" + created + "</QueueUrl>");
  }

  @Test
  void aBodyDeclaredLargerThanAnySqsRequestIsRefusedBeforeItIsRead() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", aws.sqsEndpoint().getPort())) {
      socket.setSoTimeout((int) PATIENCE.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AmazonSQS.ListQueues\r\n"
                  + "Content-Type: application/x-amz-json-1.0\r\nContent-Length: "
                  + (SqsFront.MAX_BODY_BYTES + 1)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(readAnswer(socket.getInputStream()), StandardCharsets.UTF_8);
      assertThat(answer)
          .startsWith("HTTP/1.1 413")
          .contains("\"__type\":\"RequestEntityTooLargeException\"");
    }
  }

  @Test
  void elasticMqOutOfReachIsServiceUnavailable() throws Exception {
    int closedPort = AwsPorts.freePort();
    try (SqsFront front = SqsFront.start(0, closedPort)) {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(front.endpoint().resolve("/"))
                  .timeout(PATIENCE)
                  .header("Content-Type", "application/x-amz-json-1.0")
                  .header("X-Amz-Target", "AmazonSQS.ListQueues")
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(answer.body()).path("__type").asText())
          .isEqualTo("ServiceUnavailable");
    }
  }

  @Test
  void closingTheStackClosesTheFront() {
    EmbeddedAws closed = EmbeddedAws.start();
    int port = closed.sqsEndpoint().getPort();
    closed.close();
    assertThat(catchThrowableOfType(() -> new Socket("127.0.0.1", port).close(), IOException.class))
        .as("a connection to the closed SQS endpoint")
        .isNotNull();
  }

  private static Message receiveOne(String url) {
    List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages();
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static void assertRefused(HttpResponse<String> answer, String type, String queryError)
      throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    assertThat(answer.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(answer.headers().firstValue("x-amzn-query-error"))
        .isEqualTo(Optional.ofNullable(queryError));
    JsonNode error = JSON.readTree(answer.body());
    assertThat(error.path("__type").asText()).as(answer.body()).isEqualTo(type);
    assertThat(error.path("message").asText()).isNotBlank();
  }

  private static HttpResponse<String> post(String operation, String body) throws Exception {
    return send(jsonRequest("AmazonSQS." + operation, body));
  }

  private static HttpRequest jsonRequest(String target, String body) {
    return HttpRequest.newBuilder(aws.sqsEndpoint().resolve("/"))
        .timeout(PATIENCE)
        .header("Content-Type", "application/x-amz-json-1.0")
        .header("X-Amz-Target", target)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpRequest formRequest(String form) {
    return HttpRequest.newBuilder(aws.sqsEndpoint().resolve("/"))
        .timeout(PATIENCE)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The status line, headers and body of one answer whose length is declared. */
  private static byte[] readAnswer(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    int read = 0;
    while (read < buffer.length) {
      int n = in.read(buffer, read, buffer.length - read);
      if (n < 0) {
        break;
      }
      read += n;
      String text = new String(buffer, 0, read, StandardCharsets.UTF_8);
      int headersEnd = text.indexOf("\r\n\r\n");
      if (headersEnd >= 0) {
        String length =
            text.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .orElse("0");
        if (read >= headersEnd + 4 + Integer.parseInt(length)) {
          break;
        }
      }
    }
    return Arrays.copyOf(buffer, read);
  }

  /** An SDK client whose requests pass through {@code body} and {@code request} on their way. */
  private static SqsClient client(
      UnaryOperator<String> body, UnaryOperator<SdkHttpRequest> request) {
    ExecutionInterceptor rewrite =
        new ExecutionInterceptor() {
          @Override
          public SdkHttpRequest modifyHttpRequest(
              Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return request.apply(context.httpRequest());
          }

          @Override
          public Optional<RequestBody> modifyHttpContent(
              Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context
                .requestBody()
                .map(
                    original -> {
                      try (InputStream in = original.contentStreamProvider().newStream()) {
                        return RequestBody.fromString(
                            body.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
          }
        };
    return SqsClient.builder()
        .endpointOverride(aws.sqsEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .overrideConfiguration(o -> o.addExecutionInterceptor(rewrite))
        .build();
  }
}
