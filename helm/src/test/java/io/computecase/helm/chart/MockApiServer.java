package io.computecase.helm.chart;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;

/** fabric8's Kubernetes API server in CRUD mode on a free loopback port, with a client for it. */
public final class MockApiServer implements AutoCloseable {

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockApiServer(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  public static MockApiServer start() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of()),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    return new MockApiServer(server);
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
