package io.computecase.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Why clients set {@code requestChecksumCalculation(WHEN_REQUIRED)}: with the SDK's default, an
 * upload over http:// carries its checksum as a signed trailer in an aws-chunked body, which
 * S3Proxy 2.9.0 does not decode. The server refuses such an upload (400) rather than store the
 * framing as the object. When an S3Proxy upgrade makes this test fail, the setting can go (see the
 * README).
 */
class UploadsWithTrailingChecksumsAreRefusedTest {
  @TempDir Path directory;

  @Test
  void anUploadOrPartWithTheSdksDefaultChecksumsIsRefusedNotStoredWithItsFraming() {
    try (EmbeddedS3 s3 = EmbeddedS3.start(0, directory);
        S3Client configured = s3.client();
        S3Client byDefault =
            S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
      configured.createBucket(b -> b.bucket("trailers"));

      configured.putObject(
          p -> p.bucket("trailers").key("item"), RequestBody.fromString("{\"kept\":true}"));

      S3Exception refused =
          catchThrowableOfType(
              S3Exception.class,
              () ->
                  byDefault.putObject(
                      p -> p.bucket("trailers").key("item"), RequestBody.fromString("{}")));
      assertThat(refused.statusCode()).isEqualTo(400);
      // refused, not stored with its framing around it: the key holds no object at all
      assertThat(configured.listObjectsV2(l -> l.bucket("trailers")).contents()).isEmpty();

      String upload =
          byDefault.createMultipartUpload(m -> m.bucket("trailers").key("parts")).uploadId();
      S3Exception partRefused =
          catchThrowableOfType(
              S3Exception.class,
              () ->
                  byDefault.uploadPart(
                      u -> u.bucket("trailers").key("parts").uploadId(upload).partNumber(1),
                      RequestBody.fromString("part")));
      assertThat(partRefused.statusCode()).isEqualTo(400);
    }
  }
}
