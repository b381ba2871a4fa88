package io.computecase.local.sfn.integration.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Predicate;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The object store behind the AWS SDK's S3Client (the embedded S3, or AWS's). */
public final class S3ObjectStore implements ObjectStore {
  private final S3Client s3;

  public S3ObjectStore(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public InputStream open(String bucket, String key, String versionId) {
    ResponseInputStream<GetObjectResponse> object;
    try {
      object = s3.getObject(b -> b.bucket(bucket).key(key).versionId(versionId));
    } catch (SdkException e) {
      throw failure("GetObject", e);
    }
    // A reader that stops at MaxItems closes early: the rest of the object is dropped, not read.
    return new FilterInputStream(object) {
      @Override
      public void close() throws IOException {
        object.abort();
        object.close();
      }
    };
  }

  @Override
  public void list(String bucket, String prefix, Predicate<ObjectSummary> each) {
    String token = null;
    try {
      do {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
        if (prefix != null && !prefix.isEmpty()) {
          request.prefix(prefix);
        }
        if (token != null) {
          request.continuationToken(token);
        }
        ListObjectsV2Response page = s3.listObjectsV2(request.build());
        for (S3Object object : page.contents()) {
          ObjectSummary summary =
              new ObjectSummary(
                  object.key(),
                  object.size() == null ? 0 : object.size(),
                  object.eTag(),
                  object.lastModified(),
                  object.storageClassAsString());
          if (!each.test(summary)) {
            return;
          }
        }
        token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
      } while (token != null);
    } catch (SdkException e) {
      throw failure("ListObjectsV2", e);
    }
  }

  @Override
  public void put(String bucket, String key, Path file) {
    try {
      s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw failure("PutObject", e);
    }
  }

  private static ObjectStoreException failure(String operation, SdkException e) {
    if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
      String code = s3.awsErrorDetails().errorCode();
      return new ObjectStoreException(
          operation
              + " failed: "
              + (code == null ? "HTTP " + s3.statusCode() : code)
              + (s3.awsErrorDetails().errorMessage() == null
                  ? ""
                  : " (" + s3.awsErrorDetails().errorMessage() + ")"),
          e);
    }
    return new ObjectStoreException(operation + " failed: " + e.getMessage(), e);
  }
}
