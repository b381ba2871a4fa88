package io.computecase.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.elasticmq.LimitedValue;
import org.elasticmq.RangeLimit;
import org.elasticmq.StrictSQSLimits$;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The embedded SQS takes and refuses message bodies exactly as AWS's strict limits do, with its
 * faster character check.
 */
class SqsLimitsTest {
  private static EmbeddedAws aws;
  private static SqsClient sqs;
  private static String queueUrl;

  @BeforeAll
  static void start() {
    aws = EmbeddedAws.start();
    sqs =
        SqsClient.builder()
            .endpointOverride(aws.sqsEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
    queueUrl = sqs.createQueue(b -> b.queueName("limits")).queueUrl();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    aws.close();
  }

  @Test
  void theCharacterSetIsElasticMqsStrictOneForEveryCodePoint() {
    @SuppressWarnings("unchecked")
    var strictRanges =
        (List<RangeLimit<Object>>)
            ((LimitedValue<?>) StrictSQSLimits$.MODULE$.bodyValidCharactersLimit()).value();
    for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT + 1; codePoint++) {
      Integer boxed = codePoint;
      boolean strict = strictRanges.exists(range -> range.isBetween(boxed));
      if (SqsLimits.validBodyCharacter(codePoint) != strict) {
        throw new AssertionError(
            "U+" + Integer.toHexString(codePoint) + ": strict limits say " + strict);
      }
    }
  }

  @Test
  void bodiesOfValidCharactersAreTakenAndComeBackUnchanged() {
    String body = "tab\there\nline\r{\"caseId\":\"é中\uD83D\uDE00\uFFFD\uE000\"}";
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    var received = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)).messages();
    assertThat(received).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(body));
    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(received.get(0).receiptHandle()));
  }

  @Test
  void aBodyWithACharacterSqsRefusesIsRefusedAsAwsDoes() {
    for (String body : new String[] {"bell\u0007", "\uFFFE", "nul\u0000"}) {
      SqsException refused =
          catchThrowableOfType(
              () -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)),
              SqsException.class);
      // ElasticMQ names the error InvalidAttributeValue where AWS says InvalidMessageContents;
      // the refusal itself, its status and its reason are AWS's.
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorMessage()).contains("InvalidMessageContents");
    }
  }

  @Test
  void aBatchEntryWithARefusedCharacterFailsAloneAndTheOthersAreSent() {
    var result =
        sqs.sendMessageBatch(
            b ->
                b.queueUrl(queueUrl)
                    .entries(
                        e -> e.id("good").messageBody("fine"),
                        e -> e.id("bad").messageBody("escape\u001b")));
    assertThat(result.successful()).extracting(r -> r.id()).containsExactly("good");
    assertThat(result.failed())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.senderFault()).isTrue();
              assertThat(f.message()).contains("InvalidMessageContents");
            });
  }
}
