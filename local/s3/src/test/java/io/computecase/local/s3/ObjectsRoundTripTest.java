package io.computecase.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The SDK v2 S3Client, unmodified but for its endpoint, writes, reads, lists and deletes objects.
 */
class ObjectsRoundTripTest {
  @TempDir static Path directory;
  private static EmbeddedS3 s3;
  private static S3Client client;

  @BeforeAll
  static void start() {
    s3 = EmbeddedS3.start(0, directory);
    client = s3.client();
    client.createBucket(b -> b.bucket("round-trip"));
  }

  @AfterAll
  static void stop() {
    client.close();
    s3.close();
  }

  @Test
  void anObjectIsWrittenReadHeadedAndDeleted() {
    client.putObject(
        p -> p.bucket("round-trip").key("items/one.json").contentType("application/json"),
        RequestBody.fromString("{\"n\":1}"));

    assertThat(
            client
                .getObjectAsBytes(g -> g.bucket("round-trip").key("items/one.json"))
                .asUtf8String())
        .isEqualTo("{\"n\":1}");
    HeadObjectResponse head = client.headObject(h -> h.bucket("round-trip").key("items/one.json"));
    assertThat(head.contentLength()).isEqualTo(7);
    assertThat(head.contentType()).isEqualTo("application/json");

    client.deleteObject(d -> d.bucket("round-trip").key("items/one.json"));
    assertThatThrownBy(() -> client.headObject(h -> h.bucket("round-trip").key("items/one.json")))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void listingFiltersByPrefixAndPagesWithContinuationTokens() {
    for (int i = 0; i < 5; i++) {
      int n = i;
      client.putObject(
          p -> p.bucket("round-trip").key("listed/part-" + n), RequestBody.fromString("x" + n));
    }
    client.putObject(p -> p.bucket("round-trip").key("other/part-0"), RequestBody.fromString("y"));

    List<String> keys = new ArrayList<>();
    int pages = 0;
    String token = null;
    do {
      String after = token;
      ListObjectsV2Response page =
          client.listObjectsV2(
              l -> l.bucket("round-trip").prefix("listed/").maxKeys(2).continuationToken(after));
      page.contents().stream().map(S3Object::key).forEach(keys::add);
      pages++;
      token = page.isTruncated() ? page.nextContinuationToken() : null;
    } while (token != null);

    assertThat(keys)
        .containsExactly(
            "listed/part-0", "listed/part-1", "listed/part-2", "listed/part-3", "listed/part-4");
    assertThat(pages).isEqualTo(3);
  }
}
