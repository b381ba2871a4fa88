package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fabric8 watches and informers (what JOSDK runs on) see every change in order. */
class ClientWatchTest {

  private EmbeddedKubernetes server;

  @BeforeEach
  void start() {
    server = EmbeddedKubernetes.builder().build();
    ComputeCases.createCrd(server.client());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void watchDeliversAddedModifiedAndDeleted() {
    List<String> events = new CopyOnWriteArrayList<>();
    try (var watch =
        ComputeCases.cases(server.client())
            .inNamespace("default")
            .watch(
                new Watcher<GenericKubernetesResource>() {
                  @Override
                  public void eventReceived(Action action, GenericKubernetesResource resource) {
                    events.add(action + " " + resource.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      GenericKubernetesResource created =
          ComputeCases.cases(server.client()).resource(PersistenceTest.caseNamed("demo")).create();
      created.setAdditionalProperty("status", Map.of("phase", "Running"));
      ComputeCases.cases(server.client()).resource(created).updateStatus();
      ComputeCases.named(server.client(), "demo").delete();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(events)
                      .containsExactly("ADDED demo", "MODIFIED demo", "DELETED demo"));
    }
  }

  @Test
  void informerListsThenFollowsChanges() {
    ComputeCases.cases(server.client()).resource(PersistenceTest.caseNamed("before")).create();
    List<String> seen = new CopyOnWriteArrayList<>();
    SharedIndexInformer<GenericKubernetesResource> informer =
        ComputeCases.cases(server.client())
            .inNamespace("default")
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(GenericKubernetesResource resource) {
                    seen.add("add " + resource.getMetadata().getName());
                  }

                  @Override
                  public void onUpdate(
                      GenericKubernetesResource old, GenericKubernetesResource now) {
                    seen.add(
                        "update " + now.getMetadata().getName() + " " + now.get("status", "phase"));
                  }

                  @Override
                  public void onDelete(
                      GenericKubernetesResource resource, boolean unknownFinalState) {
                    seen.add("delete " + resource.getMetadata().getName());
                  }
                });
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("add before"));
      GenericKubernetesResource after =
          ComputeCases.cases(server.client()).resource(PersistenceTest.caseNamed("after")).create();
      after.setAdditionalProperty("status", Map.of("phase", "Succeeded"));
      ComputeCases.cases(server.client()).resource(after).updateStatus();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(seen)
                      .containsExactly("add before", "add after", "update after Succeeded"));
    } finally {
      informer.close();
    }
  }
}
