package io.computecase.operator.aws;

import io.computecase.operator.config.OperatorConfig;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The four AWS SDK clients the operator uses, built once from its configuration. */
public final class AwsClients implements AutoCloseable {
  private final SfnClient sfn;
  private final EventBridgeClient events;
  private final SqsClient sqs;
  private final S3Client s3;

  private AwsClients(SfnClient sfn, EventBridgeClient events, SqsClient sqs, S3Client s3) {
    this.sfn = sfn;
    this.events = events;
    this.sqs = sqs;
    this.s3 = s3;
  }

  /**
   * Builds the clients: an endpoint override only where one is configured, the standard retry
   * strategy (backoff with jitter on throttling and 5xx), and Apache HTTP connections sized for
   * many cases polled at once.
   */
  public static AwsClients create(OperatorConfig config) {
    return new AwsClients(
        configure(SfnClient.builder(), config, config.sfnEndpoint()).build(),
        configure(EventBridgeClient.builder(), config, config.eventsEndpoint()).build(),
        configure(SqsClient.builder(), config, config.sqsEndpoint()).build(),
        configure(S3Client.builder(), config, config.s3Endpoint())
            // a local S3 answers on one host: buckets in the path, not in the host name
            .forcePathStyle(config.s3Endpoint().isPresent())
            // local S3s lag behind AWS's newer default checksums: send them only where required
            .requestChecksumCalculation(
                config.s3Endpoint().isPresent()
                    ? RequestChecksumCalculation.WHEN_REQUIRED
                    : RequestChecksumCalculation.WHEN_SUPPORTED)
            .responseChecksumValidation(
                config.s3Endpoint().isPresent()
                    ? ResponseChecksumValidation.WHEN_REQUIRED
                    : ResponseChecksumValidation.WHEN_SUPPORTED)
            .build());
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, OperatorConfig config, Optional<URI> endpoint) {
    builder.region(Region.of(config.region()));
    builder.credentialsProvider(credentials(endpoint.isPresent()));
    endpoint.ifPresent(builder::endpointOverride);
    builder.overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
    if (builder instanceof SdkSyncClientBuilder<?, ?>) {
      ((SdkSyncClientBuilder<?, ?>) builder)
          .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64));
    }
    return builder;
  }

  /**
   * The default AWS credential chain; against a local endpoint, which does not check signatures, a
   * fixed local identity follows it so the operator also runs where no credentials exist.
   */
  private static AwsCredentialsProvider credentials(boolean localEndpoint) {
    if (!localEndpoint) {
      return DefaultCredentialsProvider.builder().build();
    }
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(
            DefaultCredentialsProvider.builder().build(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  public SfnClient sfn() {
    return sfn;
  }

  public EventBridgeClient events() {
    return events;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public S3Client s3() {
    return s3;
  }

  @Override
  public void close() {
    sfn.close();
    events.close();
    sqs.close();
    s3.close();
  }
}
