package io.computecase.local.sfn.integration.s3;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Predicate;

/** The S3 calls a Distributed Map makes: read an object, list a prefix, write a file. */
public interface ObjectStore {
  /** An engine built without an S3 client: every call fails, saying so. */
  ObjectStore NOT_CONFIGURED = new NotConfigured();

  /**
   * The object's content, streamed; the caller closes it.
   *
   * @param versionId the version to read, or null for the current one
   */
  InputStream open(String bucket, String key, String versionId);

  /**
   * Lists the objects under a prefix (null or empty: the whole bucket) in key order, handing each
   * to {@code each} until it answers false.
   */
  void list(String bucket, String prefix, Predicate<ObjectSummary> each);

  /** Writes a file as the object {@code key}. */
  void put(String bucket, String key, Path file);

  /** The answer when no S3 client was given to the engine. */
  final class NotConfigured implements ObjectStore {
    private NotConfigured() {}

    private static ObjectStoreException missing() {
      return new ObjectStoreException(
          "S3 is not configured for this engine (LocalStepFunctions.Builder.s3 was not given an"
              + " S3Client)");
    }

    @Override
    public InputStream open(String bucket, String key, String versionId) {
      throw missing();
    }

    @Override
    public void list(String bucket, String prefix, Predicate<ObjectSummary> each) {
      throw missing();
    }

    @Override
    public void put(String bucket, String key, Path file) {
      throw missing();
    }
  }
}
