package io.computecase.operator.execution;

import io.computecase.api.v1alpha1.ComputeCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes a case's items to the operator's bucket as JSON Lines before its execution starts, and
 * removes them with the case. The key is derived from the case's uid, so a restarted operator that
 * stages again writes the same object with the same bytes: nothing doubles, nothing is lost.
 */
public final class ItemStaging {
  static final String CONTENT_TYPE = "application/jsonl";
  private static final Logger LOG = LoggerFactory.getLogger(ItemStaging.class);
  private final S3Client s3;
  private final String bucket;

  public ItemStaging(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  public String bucket() {
    return bucket;
  }

  /** Puts the items at {@link CaseObjects#itemsKey}, streamed; returns the key. */
  public String stage(ComputeCase cc, ItemSource.Staged items) {
    String key = CaseObjects.itemsKey(cc);
    long length = JsonLines.length(items.items().get());
    s3.putObject(
        r -> r.bucket(bucket).key(key).contentType(CONTENT_TYPE).contentLength(length),
        RequestBody.fromContentProvider(
            () -> JsonLines.stream(items.items().get()), length, CONTENT_TYPE));
    LOG.info("Staged {} items ({} bytes) at s3://{}/{}", items.size(), length, bucket, key);
    return key;
  }

  /** Deletes the staged items of a deleted case; deleting what is not there is no error in S3. */
  public void delete(ComputeCase cc) {
    String key = CaseObjects.itemsKey(cc);
    s3.deleteObject(r -> r.bucket(bucket).key(key));
    LOG.info("Deleted the staged items s3://{}/{}", bucket, key);
  }
}
