package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE} on a collection with {@code dryRun=All} answers the objects it would delete and
 * deletes none, as a real API server's deletecollection does: it was passed to the store and
 * deleted them all.
 */
class DryRunDeleteCollectionTest {
  private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";
  private static EmbeddedKubernetes server;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedKubernetes.builder().build();
    client = server.client();
    for (String name : new String[] {"first", "second"}) {
      client
          .configMaps()
          .inNamespace("default")
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .addToLabels("app", "dry")
                  .endMetadata()
                  .addToData("k", "v")
                  .build())
          .create();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDryRunDeleteOfACollectionDeletesNothing() throws Exception {
    HttpResponse<String> answer = delete(CONFIG_MAPS + "?dryRun=All&labelSelector=app%3Ddry");

    assertThat(answer.code()).as(answer.body()).isEqualTo(200);
    JsonNode list = new ObjectMapper().readTree(answer.body());
    assertThat(list.path("kind").asText()).isEqualTo("ConfigMapList");
    assertThat(list.path("items")).hasSize(2);
    assertThat(client.configMaps().inNamespace("default").withLabel("app", "dry").list().getItems())
        .hasSize(2);

    assertThat(delete(CONFIG_MAPS + "?labelSelector=app%3Ddry").code()).isEqualTo(200);
    assertThat(client.configMaps().inNamespace("default").withLabel("app", "dry").list().getItems())
        .isEmpty();
  }

  private static HttpResponse<String> delete(String path) throws Exception {
    HttpClient http = client.getHttpClient();
    String master = client.getConfiguration().getMasterUrl().replaceAll("/$", "");
    return http.sendAsync(
            http.newHttpRequestBuilder().uri(master + path).delete(null, null).build(),
            String.class)
        .get(30, TimeUnit.SECONDS);
  }
}
