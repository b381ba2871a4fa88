package io.computecase.local.sfn.support;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * An SfnClient for TestState against a local endpoint: AWS serves TestState on a "sync-" host, a
 * prefix the SDK puts before the endpoint's host unless told not to.
 */
public final class TestStateClient {
  private TestStateClient() {}

  public static SfnClient of(EngineFixture fixture) {
    return SfnClient.builder()
        .endpointOverride(URI.create(fixture.server.endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .overrideConfiguration(
            o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }
}
