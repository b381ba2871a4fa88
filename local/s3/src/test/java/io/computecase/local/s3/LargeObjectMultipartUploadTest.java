package io.computecase.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A 20 MiB object uploaded in four parts through the SDK's multipart calls reads back whole, and
 * the bucket then lists that object alone.
 */
class LargeObjectMultipartUploadTest {
  private static final int PART = 5 * 1024 * 1024;

  @TempDir Path directory;

  @Test
  void aTwentyMebibyteObjectUploadedInPartsReadsBackByteForByte() throws Exception {
    byte[] content = new byte[4 * PART];
    new Random(17).nextBytes(content);
    try (EmbeddedS3 s3 = EmbeddedS3.start(0, directory);
        S3Client client = s3.client()) {
      client.createBucket(b -> b.bucket("large"));
      String uploadId =
          client.createMultipartUpload(m -> m.bucket("large").key("results/big.bin")).uploadId();
      List<CompletedPart> parts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int number = i + 1;
        byte[] part = Arrays.copyOfRange(content, i * PART, (i + 1) * PART);
        String etag =
            client
                .uploadPart(
                    u ->
                        u.bucket("large")
                            .key("results/big.bin")
                            .uploadId(uploadId)
                            .partNumber(number),
                    RequestBody.fromBytes(part))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
      }
      client.completeMultipartUpload(
          c ->
              c.bucket("large")
                  .key("results/big.bin")
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));

      // once complete, S3Proxy's part files and upload stub are gone: the bucket lists one object
      assertThat(client.listObjectsV2(l -> l.bucket("large")).contents())
          .extracting(S3Object::key, S3Object::size)
          .containsExactly(tuple("results/big.bin", (long) content.length));
      ResponseBytes<GetObjectResponse> read =
          client.getObjectAsBytes(g -> g.bucket("large").key("results/big.bin"));
      assertThat(read.response().contentLength()).isEqualTo(content.length);
      assertThat(sha256(read.asByteArray())).isEqualTo(sha256(content));
    }
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }
}
