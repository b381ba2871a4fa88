package io.computecase.worker.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the worker's AWS clients: the real SDK v2 clients over the Apache HTTP client, with
 * connection pools sized to the worker's concurrency and the SDK's standard retry strategy (which
 * retries throttling and 5xx with exponential backoff) for callbacks.
 */
public final class AwsClients {
  private AwsClients() {}

  /** The Step Functions client that answers task tokens. */
  public static SfnClient stepFunctions(String region, Optional<URI> endpoint, int connections) {
    var builder =
        SfnClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(http(connections, Duration.ofSeconds(30)))
            .overrideConfiguration(retrying(6));
    endpoint.ifPresent(
        uri -> builder.endpointOverride(uri).credentialsProvider(localCredentials()));
    return builder.build();
  }

  /** An SQS client; long polls need a socket timeout beyond their 20 s wait. */
  public static SqsClient sqs(String region, Optional<URI> endpoint, int connections) {
    var builder =
        SqsClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(http(connections, Duration.ofSeconds(40)))
            .overrideConfiguration(retrying(4));
    endpoint.ifPresent(
        uri -> builder.endpointOverride(uri).credentialsProvider(localCredentials()));
    return builder.build();
  }

  private static ApacheHttpClient.Builder http(int connections, Duration socketTimeout) {
    return ApacheHttpClient.builder()
        .maxConnections(connections)
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(socketTimeout)
        .connectionAcquisitionTimeout(Duration.ofSeconds(60));
  }

  private static ClientOverrideConfiguration retrying(int maxAttempts) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(
                    BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(5)))
                .throttlingBackoffStrategy(
                    BackoffStrategy.exponentialDelay(
                        Duration.ofMillis(200), Duration.ofSeconds(10)))
                // A shared retry budget would turn a burst of throttling into lost answers.
                .circuitBreakerEnabled(false)
                .build())
        .build();
  }

  /**
   * With an endpoint override the target is usually a local engine that checks no signature: with
   * no AWS credentials about, the worker sends its requests unsigned there, as the AWS CLI's {@code
   * --no-sign-request} does (SigV4 was about a quarter of the CPU the SDK spent on each answer).
   * Real credentials still win when present, and are used to sign.
   */
  static AwsCredentialsProvider localCredentials() {
    return AwsCredentialsProviderChain.builder()
        .reuseLastProviderEnabled(true)
        .credentialsProviders(
            DefaultCredentialsProvider.builder().build(), AnonymousCredentialsProvider.create())
        .build();
  }
}
