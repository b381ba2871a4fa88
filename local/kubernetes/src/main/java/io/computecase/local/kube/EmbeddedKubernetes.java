package io.computecase.local.kube;

import io.computecase.local.kube.auth.BearerToken;
import io.computecase.local.kube.auth.RequestAuthentication;
import io.computecase.local.kube.auth.ServingCertificate;
import io.computecase.local.kube.discovery.ResourceCatalog;
import io.computecase.local.kube.server.ApiServerDispatcher;
import io.computecase.local.kube.server.CustomResourceCascade;
import io.computecase.local.kube.server.HttpFront;
import io.computecase.local.kube.server.ResourceRequests;
import io.computecase.local.kube.store.ObservableCrudDispatcher;
import io.computecase.local.kube.store.OwnerCollector;
import io.computecase.local.kube.store.ResourceFileStore;
import io.computecase.local.kube.table.TableConverter;
import io.computecase.local.kube.watch.WatchHub;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * A Kubernetes API server in this JVM that real kubectl and fabric8/JOSDK clients drive: fabric8's
 * CRUD dispatcher stores the resources; discovery, OpenAPI, tables, patches, watches and
 * persistence are served around it. It serves HTTPS with a self-signed certificate and admits only
 * requests carrying its bearer token; its kubeconfig and {@link #client()} carry both.
 */
public final class EmbeddedKubernetes implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";

  private final HttpFront front;
  private final OwnerCollector collector;
  private final CustomResourceCascade cascade;
  private final WatchHub watches;
  private final String url;
  private final BearerToken token;
  private final ServingCertificate certificate;
  private KubernetesClient client;

  private EmbeddedKubernetes(
      HttpFront front,
      OwnerCollector collector,
      CustomResourceCascade cascade,
      WatchHub watches,
      String url,
      BearerToken token,
      ServingCertificate certificate) {
    this.front = front;
    this.collector = collector;
    this.cascade = cascade;
    this.watches = watches;
    this.url = url;
    this.token = token;
    this.certificate = certificate;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The server's base URL, e.g. https://127.0.0.1:6443. */
  public String url() {
    return url;
  }

  /** The bearer token every request but health and version checks must carry. */
  public String token() {
    return token.value();
  }

  /** The server's certificate in PEM: the certificate authority clients verify it with. */
  public String certificateAuthorityPem() {
    return certificate.certificatePem();
  }

  /** A TLS context that trusts this server, for HTTP clients other than {@link #client()}. */
  public SSLContext sslContext() {
    return certificate.trustingContext();
  }

  /** The watch fan-out, for tests that look at what it holds for its watchers. */
  WatchHub watches() {
    return watches;
  }

  /**
   * A fabric8 client bound to this server (namespace default); closed with the server. Its
   * configuration carries the token and the certificate, so its raw HTTP client does too.
   */
  public synchronized KubernetesClient client() {
    if (client == null) {
      Config config =
          new ConfigBuilder(Config.empty())
              .withMasterUrl(url)
              .withNamespace("default")
              .withCaCertData(
                  Base64.getEncoder()
                      .encodeToString(
                          certificate.certificatePem().getBytes(StandardCharsets.US_ASCII)))
              .withOauthToken(token.value())
              .build();
      // one HTTP stack on purpose: several are on the classpath and fabric8 would pick at random
      client =
          new KubernetesClientBuilder()
              .withConfig(config)
              .withHttpClientFactory(new VertxHttpClientFactory())
              .build();
    }
    return client;
  }

  /** Writes a kubeconfig whose current context points at this server; returns the file. */
  public Path writeKubeconfig(Path file) {
    return new Kubeconfig(url, token.value(), certificate.certificatePem()).writeTo(file);
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
    front.close();
    collector.close();
    cascade.close();
  }

  /** Configures and starts an {@link EmbeddedKubernetes}. */
  public static final class Builder {
    private int port;
    private String host = LOOPBACK;
    private Path dataDir;
    private Clock clock = Clock.systemUTC();
    private int watchBacklogEvents = WatchHub.DEFAULT_BACKLOG_EVENTS;
    private long watchBacklogChars = WatchHub.DEFAULT_BACKLOG_CHARS;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            "port must be 0 (any free port) or 1-65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The address to listen on: 127.0.0.1 (the default) for this machine only, 0.0.0.0 for
     * containers or other machines too.
     */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException(
            "host must be an address to listen on, such as 127.0.0.1 or 0.0.0.0");
      }
      this.host = host;
      return this;
    }

    /**
     * Persist every resource under this directory and load what is there on start; the bearer token
     * and the serving certificate are kept there too, so kubeconfigs outlive restarts.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** The clock AGE columns are measured against. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How far one watcher may fall behind before its watch is ended (tests use small bounds). */
    Builder watchBacklog(int events, long chars) {
      this.watchBacklogEvents = events;
      this.watchBacklogChars = chars;
      return this;
    }

    public EmbeddedKubernetes build() {
      // clients on this machine reach a wildcard listener through the loopback address
      String address = host.equals("0.0.0.0") || host.equals("::") ? LOOPBACK : host;
      BearerToken token;
      ServingCertificate certificate;
      if (dataDir == null) {
        token = BearerToken.generate();
        certificate = ServingCertificate.generate(address, Clock.systemUTC());
      } else {
        createOwnerOnly(dataDir);
        token = BearerToken.loadOrCreate(dataDir);
        // the real clock: kubectl checks the certificate's dates against it, whatever AGE uses
        certificate = ServingCertificate.loadOrCreate(dataDir, address, Clock.systemUTC());
      }
      ResourceCatalog catalog = new ResourceCatalog();
      ObservableCrudDispatcher store = new ObservableCrudDispatcher(catalog);
      WatchHub hub = new WatchHub(watchBacklogEvents, watchBacklogChars);
      store.addListener(catalog::onChange);
      store.addListener(hub::publish);
      ApiServerDispatcher[] dispatcher = new ApiServerDispatcher[1];
      OwnerCollector collector =
          new OwnerCollector(
              (collectionPath, name) ->
                  dispatcher[0].dispatch(
                      new RecordedRequest(
                          "HTTP/1.1",
                          HttpMethod.DELETE,
                          collectionPath + "/" + name,
                          Headers.builder().build(),
                          new Buffer())));
      store.addListener(collector.listener());
      CustomResourceCascade cascade = new CustomResourceCascade(store);
      store.addListener(cascade::onChange);
      ResourceFileStore files = dataDir == null ? null : new ResourceFileStore(dataDir);
      if (files != null) {
        store.addListener(files::onChange);
        files.loading(true);
        files.load().forEach(stored -> store.restore(stored.collectionPath(), stored.json()));
        files.loading(false);
      }
      TableConverter tables = new TableConverter(clock);
      ResourceRequests resources = new ResourceRequests(catalog, store, tables);
      dispatcher[0] = new ApiServerDispatcher(catalog, resources, address);
      HttpFront front =
          new HttpFront(
              dispatcher[0], hub, catalog, tables, new RequestAuthentication(token), certificate);
      int boundPort;
      try {
        boundPort = front.start(host, port);
      } catch (RuntimeException e) {
        front.close();
        collector.close();
        cascade.close();
        throw e;
      }
      EmbeddedKubernetes server =
          new EmbeddedKubernetes(
              front,
              collector,
              cascade,
              hub,
              "https://" + address + ":" + boundPort,
              token,
              certificate);
      new DefaultNamespaces(server).ensure();
      return server;
    }

    // The directory holds the token and the serving key: its owner's alone, as a kubeconfig is.
    private static void createOwnerOnly(Path dir) {
      try {
        if (!Files.isDirectory(dir)) {
          Files.createDirectories(dir);
          try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
          } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own permissions apply
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data directory " + dir, e);
      }
    }
  }
}
