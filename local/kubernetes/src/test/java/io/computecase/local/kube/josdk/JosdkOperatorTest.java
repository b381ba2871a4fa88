package io.computecase.local.kube.josdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.local.kube.EmbeddedKubernetes;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JOSDK 5 with its defaults (server-side apply for status and finalizers) runs on this server:
 * status lands, spec changes reconcile again, and deletion waits for the cleaner.
 */
class JosdkOperatorTest {

  private EmbeddedKubernetes server;
  private Operator operator;
  private final List<String> cleaned = new CopyOnWriteArrayList<>();

  /** Records Seen plus the generation it saw, and the deletions it cleaned up. */
  @ControllerConfiguration(name = "probe")
  class ProbeReconciler implements Reconciler<Probe>, Cleaner<Probe> {
    @Override
    public UpdateControl<Probe> reconcile(Probe probe, Context<Probe> context) {
      Probe patch = new Probe();
      patch.setMetadata(
          new ObjectMetaBuilder()
              .withName(probe.getMetadata().getName())
              .withNamespace(probe.getMetadata().getNamespace())
              .build());
      patch.setStatus(new Probe.Status());
      patch.getStatus().phase = "Seen";
      patch.getStatus().observedGeneration = probe.getMetadata().getGeneration();
      return UpdateControl.patchStatus(patch);
    }

    @Override
    public DeleteControl cleanup(Probe probe, Context<Probe> context) {
      cleaned.add(probe.getMetadata().getName());
      return DeleteControl.defaultDelete();
    }
  }

  @BeforeEach
  void start() {
    server = EmbeddedKubernetes.builder().build();
    KubernetesClient client = server.client();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .load(Path.of("src/test/resources/kubectl/computecases-crd.yaml").toFile())
        .create();
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withStopOnInformerErrorDuringStartup(true));
    operator.register(new ProbeReconciler());
    operator.start();
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    server.close();
  }

  @Test
  void statusLandsAndFollowsTheGeneration() {
    KubernetesClient client = server.client();
    Probe probe = new Probe();
    probe.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("default").build());
    probe.setSpec(new Probe.Spec());
    probe.getSpec().target = "pricing";
    client.resource(probe).create();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Probe seen =
                  client.resources(Probe.class).inNamespace("default").withName("demo").get();
              assertThat(seen.getStatus()).isNotNull();
              assertThat(seen.getStatus().phase).isEqualTo("Seen");
              assertThat(seen.getStatus().observedGeneration).isEqualTo(1L);
              assertThat(seen.getMetadata().getFinalizers()).isNotEmpty();
            });

    client
        .resources(Probe.class)
        .inNamespace("default")
        .withName("demo")
        .edit(
            p -> {
              p.getSpec().maxConcurrency = 7;
              return p;
            });

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .resources(Probe.class)
                            .inNamespace("default")
                            .withName("demo")
                            .get()
                            .getStatus()
                            .observedGeneration)
                    .isEqualTo(2L));
  }

  @Test
  void deletionRunsTheCleanerThenTheObjectGoes() {
    KubernetesClient client = server.client();
    Probe probe = new Probe();
    probe.setMetadata(new ObjectMetaBuilder().withName("doomed").withNamespace("default").build());
    probe.setSpec(new Probe.Spec());
    client.resource(probe).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !client
                    .resources(Probe.class)
                    .inNamespace("default")
                    .withName("doomed")
                    .get()
                    .getMetadata()
                    .getFinalizers()
                    .isEmpty());

    client.resources(Probe.class).inNamespace("default").withName("doomed").delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(cleaned).containsExactly("doomed");
              assertThat(
                      client.resources(Probe.class).inNamespace("default").withName("doomed").get())
                  .isNull();
            });
  }
}
