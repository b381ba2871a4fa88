package io.computecase.e2e;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real control plane that {@code scripts/real-apiserver start DIR} runs (etcd, kube-apiserver,
 * kube-controller-manager), found through {@code COMPUTECASE_REAL_APISERVER=DIR}, with the kubectl
 * and helm binaries built beside it.
 */
final class RealCluster {
  static final String VARIABLE = "COMPUTECASE_REAL_APISERVER";

  private static RealCluster instance;

  private final Path dir;
  private final Path bin;
  private final KubernetesClient client;

  private RealCluster(Path dir) {
    this.dir = dir;
    try {
      this.bin = Path.of(Files.readString(dir.resolve("bin")).trim());
      String kubeconfig = Files.readString(kubeconfig());
      this.client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(null, kubeconfig, kubeconfig().toString()))
              .withHttpClientFactory(new VertxHttpClientFactory())
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException(
          dir
              + " holds no running control plane ("
              + e.getMessage()
              + "): run scripts/real-apiserver start "
              + dir,
          e);
    }
  }

  /** The cluster of this test run; fails, never skips, when none was started. */
  static synchronized RealCluster get() {
    if (instance == null) {
      String dir = System.getenv(VARIABLE);
      if (dir == null || dir.isBlank()) {
        throw new IllegalStateException(
            VARIABLE
                + " is not set: the real-apiserver suite needs a control plane. Run scripts/real-apiserver test,"
                + " or scripts/real-apiserver start DIR and then "
                + VARIABLE
                + "=DIR mvn -Preal-apiserver verify");
      }
      instance = new RealCluster(Path.of(dir));
    }
    return instance;
  }

  /** The repository's root folder (crds/, helm/, sample_data_sets/, operator/target/). */
  static Path repo() {
    return Path.of(System.getProperty("computecase.repo", "..")).toAbsolutePath().normalize();
  }

  Path kubeconfig() {
    return dir.resolve("kubeconfig");
  }

  KubernetesClient client() {
    return client;
  }

  /** Creates the namespace unless it exists. */
  void ensureNamespace(String name) {
    if (client.namespaces().withName(name).get() == null) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
  }

  /** What a command printed and how it exited. */
  record Result(int exit, String stdout, String stderr) {
    String output() {
      return stdout + stderr;
    }
  }

  /** The kubectl binary built with this cluster's release. */
  Path kubectlPath() {
    return bin.resolve("kubectl");
  }

  /** The helm binary built beside it. */
  Path helmPath() {
    return bin.resolve("helm");
  }

  /** Runs the kubectl of this cluster's release against it. */
  Result kubectl(String... args) {
    return run(null, "kubectl", args);
  }

  /** Runs kubectl with {@code stdin} as its standard input (e.g. {@code apply -f -}). */
  Result kubectlWithInput(String stdin, String... args) {
    return run(stdin, "kubectl", args);
  }

  /** Runs the helm binary against this cluster. */
  Result helm(String... args) {
    return run(null, "helm", args);
  }

  private Result run(String stdin, String tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    return exec(command, Map.of("KUBECONFIG", kubeconfig().toString()), stdin);
  }

  /** Runs a command to its end (at most 5 minutes) and collects both streams. */
  static Result exec(List<String> command, Map<String, String> env, String stdin) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      builder.directory(repo().toFile());
      Process process = builder.start();
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " did not end within 5 minutes");
      }
      return new Result(
          process.exitValue(),
          new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
