package io.computecase.local.s3;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.io.Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses an object or part that stored more bytes than its request declared, instead of keeping
 * it. That happens when S3Proxy 2.9.0 does not decode a body's {@code aws-chunked} framing: the AWS
 * SDK v2's default signed-trailer uploads over http://. Without this check the object would hold
 * the framing (chunk signatures and the checksum trailer) around its content, silently.
 *
 * <p>S3Proxy answers the refusal with 400. An object refused this way is deleted, so a put over an
 * existing key leaves no object at all (S3 would keep the old one).
 */
final class DeclaredLengthBlobStore extends ForwardingBlobStore {
  private static final Logger LOG = LoggerFactory.getLogger(DeclaredLengthBlobStore.class);
  static final String REFUSAL =
      "the body is longer than its declared length: an aws-chunked body this server cannot decode"
          + " (AWS SDK v2: set requestChecksumCalculation(WHEN_REQUIRED) on the S3 client)";

  DeclaredLengthBlobStore(BlobStore delegate) {
    super(delegate);
  }

  @Override
  public String putBlob(String container, Blob blob) {
    return putBlob(container, blob, PutOptions.NONE);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    Long declared = blob.getMetadata().getContentMetadata().getContentLength();
    String name = blob.getMetadata().getName();
    String etag = delegate().putBlob(container, blob, options);
    BlobMetadata stored = delegate().blobMetadata(container, name);
    if (declared != null
        && stored != null
        && stored.getSize() != null
        && stored.getSize() > declared) {
      delegate().removeBlob(container, name);
      throw refused(container + "/" + name, declared, stored.getSize());
    }
    return etag;
  }

  @Override
  public MultipartPart uploadMultipartPart(MultipartUpload upload, int number, Payload payload) {
    Long declared = payload.getContentMetadata().getContentLength();
    MultipartPart part = delegate().uploadMultipartPart(upload, number, payload);
    if (declared != null && part.partSize() > declared) {
      throw refused(
          upload.containerName() + "/" + upload.blobName() + " part " + number,
          declared,
          part.partSize());
    }
    return part;
  }

  private static IllegalArgumentException refused(String what, long declared, long stored) {
    LOG.warn("Refused {}: {} bytes declared, {} received; {}", what, declared, stored, REFUSAL);
    return new IllegalArgumentException(REFUSAL);
  }
}
