package io.computecase.local.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobProviderMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 on loopback for the embedded stack: S3Proxy's S3 front on jclouds' filesystem blobstore, so
 * buckets are folders and objects are files under one directory, kept across restarts. It takes any
 * credentials, or none: SigV4 requests (streaming payloads included) are accepted unchecked.
 *
 * <p>AWS SDK v2 clients need path-style access and {@code
 * requestChecksumCalculation(WHEN_REQUIRED)} ({@link #clientFor(URI)}): S3Proxy 2.9.0 cannot decode
 * the SDK's default uploads over http://, and {@link DeclaredLengthBlobStore} refuses them rather
 * than store them undecoded.
 */
public final class EmbeddedS3 implements AutoCloseable {
  /** The region clients sign for; the server takes any. */
  public static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final BlobStoreContext blobs;
  private final URI endpoint;

  private EmbeddedS3(S3Proxy proxy, BlobStoreContext blobs) {
    this.proxy = proxy;
    this.blobs = blobs;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /**
   * Serves S3 on 127.0.0.1:{@code port} (0: a free port), keeping buckets and objects under {@code
   * directory}, which is created if missing.
   */
  public static EmbeddedS3 start(int port, Path directory) {
    Path base = directory.toAbsolutePath();
    try {
      Files.createDirectories(base);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the S3 directory " + base, e);
    }
    Properties settings = new Properties();
    settings.setProperty(FilesystemConstants.PROPERTY_BASEDIR, base.toString());
    BlobStoreContext blobs =
        // By its metadata, not its name: a lookup by name loads every provider S3Proxy lists,
        // the Azure one among them, whose SDK is left out.
        ContextBuilder.newBuilder(new FilesystemNio2BlobProviderMetadata())
            .credentials("local", "local")
            .overrides(settings)
            .modules(List.of(new SLF4JLoggingModule()))
            .buildView(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new DeclaredLengthBlobStore(blobs.getBlobStore()))
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.NONE, null, null)
            // The AWS CLI sends x-amz-checksum-crc32 with each PutObject, a header S3Proxy does not
            // know: take the object, as S3 does, without checking or keeping the checksum.
            .ignoreUnknownHeaders(true)
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      blobs.close();
      throw new IllegalStateException(
          "Cannot serve S3 on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
    }
    return new EmbeddedS3(proxy, blobs);
  }

  /** {@code http://127.0.0.1:<port>}, for clients' endpoint override. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * A client configured as every client of this server must be: path-style addressing (bucket in
   * the path, not in the host name), the endpoint override, a region, and any static credentials.
   */
  public S3Client client() {
    return clientFor(endpoint);
  }

  /** A client for the S3 at {@code endpoint}, configured as {@link #client()}. */
  public static S3Client clientFor(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop S3 on " + endpoint, e);
    } finally {
      blobs.close();
    }
  }
}
