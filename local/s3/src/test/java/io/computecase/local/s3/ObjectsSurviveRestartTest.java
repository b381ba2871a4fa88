package io.computecase.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Buckets and objects are files: a server started again on the same directory serves them. */
class ObjectsSurviveRestartTest {
  @TempDir Path directory;

  @Test
  void bucketsAndObjectsAreServedAgainAfterARestartOnTheSameDirectory() {
    try (EmbeddedS3 s3 = EmbeddedS3.start(0, directory);
        S3Client client = s3.client()) {
      client.createBucket(b -> b.bucket("kept"));
      client.putObject(
          p -> p.bucket("kept").key("manifests/case-1.json"), RequestBody.fromString("[1,2,3]"));
    }

    try (EmbeddedS3 s3 = EmbeddedS3.start(0, directory);
        S3Client client = s3.client()) {
      assertThat(client.listBuckets().buckets()).extracting(Bucket::name).containsExactly("kept");
      assertThat(client.listObjectsV2(l -> l.bucket("kept")).contents())
          .extracting(S3Object::key)
          .containsExactly("manifests/case-1.json");
      assertThat(
              client
                  .getObjectAsBytes(g -> g.bucket("kept").key("manifests/case-1.json"))
                  .asUtf8String())
          .isEqualTo("[1,2,3]");
    }
  }
}
