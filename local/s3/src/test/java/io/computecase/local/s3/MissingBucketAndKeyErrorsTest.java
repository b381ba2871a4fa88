package io.computecase.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** A missing bucket or key gets S3's error code and status, which the SDK maps to its types. */
class MissingBucketAndKeyErrorsTest {
  @TempDir static Path directory;
  private static EmbeddedS3 s3;
  private static S3Client client;

  @BeforeAll
  static void start() {
    s3 = EmbeddedS3.start(0, directory);
    client = s3.client();
    client.createBucket(b -> b.bucket("present"));
  }

  @AfterAll
  static void stop() {
    client.close();
    s3.close();
  }

  @Test
  void readingFromAMissingBucketIsNoSuchBucket404() {
    NoSuchBucketException e =
        catchThrowableOfType(
            NoSuchBucketException.class,
            () -> client.getObject(g -> g.bucket("absent").key("any")));
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
  }

  @Test
  void listingOrWritingAMissingBucketIsNoSuchBucket404() {
    NoSuchBucketException listing =
        catchThrowableOfType(
            NoSuchBucketException.class, () -> client.listObjectsV2(l -> l.bucket("absent")));
    assertThat(listing.statusCode()).isEqualTo(404);
    S3Exception writing =
        catchThrowableOfType(
            S3Exception.class,
            () ->
                client.putObject(p -> p.bucket("absent").key("any"), RequestBody.fromString("x")));
    assertThat(writing.statusCode()).isEqualTo(404);
    assertThat(writing.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
  }

  @Test
  void readingAMissingKeyIsNoSuchKey404() {
    NoSuchKeyException e =
        catchThrowableOfType(
            NoSuchKeyException.class,
            () -> client.getObject(g -> g.bucket("present").key("absent")));
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
  }
}
