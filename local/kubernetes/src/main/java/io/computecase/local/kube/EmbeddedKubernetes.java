package io.computecase.local.kube;

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
import java.nio.file.Path;
import java.time.Clock;

/**
 * A Kubernetes API server in this JVM that real kubectl and fabric8/JOSDK clients drive: fabric8's
 * CRUD dispatcher stores the resources; discovery, OpenAPI, tables, patches, watches and
 * persistence are served around it.
 */
public final class EmbeddedKubernetes implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";

  private final HttpFront front;
  private final OwnerCollector collector;
  private final CustomResourceCascade cascade;
  private final String url;
  private KubernetesClient client;

  private EmbeddedKubernetes(
      HttpFront front, OwnerCollector collector, CustomResourceCascade cascade, String url) {
    this.front = front;
    this.collector = collector;
    this.cascade = cascade;
    this.url = url;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The server's base URL, e.g. http://127.0.0.1:6443. */
  public String url() {
    return url;
  }

  /** A fabric8 client bound to this server (namespace default); closed with the server. */
  public synchronized KubernetesClient client() {
    if (client == null) {
      Config config =
          new ConfigBuilder(Config.empty())
              .withMasterUrl(url)
              .withNamespace("default")
              .withTrustCerts(true)
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
    return new Kubeconfig(url).writeTo(file);
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

    /** Persist every resource under this directory and load what is there on start. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /** The clock AGE columns are measured against. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public EmbeddedKubernetes build() {
      ResourceCatalog catalog = new ResourceCatalog();
      ObservableCrudDispatcher store = new ObservableCrudDispatcher(catalog);
      WatchHub hub = new WatchHub();
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
      // clients on this machine reach a wildcard listener through the loopback address
      String address = host.equals("0.0.0.0") || host.equals("::") ? LOOPBACK : host;
      dispatcher[0] = new ApiServerDispatcher(catalog, resources, address);
      HttpFront front = new HttpFront(dispatcher[0], hub, catalog, tables);
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
          new EmbeddedKubernetes(front, collector, cascade, "http://" + address + ":" + boundPort);
      new DefaultNamespaces(server).ensure();
      return server;
    }
  }
}
