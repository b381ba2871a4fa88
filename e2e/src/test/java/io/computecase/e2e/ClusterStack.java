package io.computecase.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.local.stack.EmbeddedStack;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code computecase-local up --kubeconfig}, as a test fixture: the local AWS engines and the
 * workers of the cluster's worker Deployments in this JVM, the operator too unless it runs
 * elsewhere, all against the real API server. Closing it deletes what the test made there (while
 * the operator still runs to release its finalizers), so the next test starts from a clean cluster.
 */
final class ClusterStack implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final RealCluster cluster;
  final EmbeddedStack stack;
  final SfnClient sfn;
  private final List<String> namespaces;

  private ClusterStack(RealCluster cluster, EmbeddedStack stack, List<String> namespaces) {
    this.cluster = cluster;
    this.stack = stack;
    this.namespaces = namespaces;
    this.sfn =
        SfnClient.builder()
            .endpointOverride(stack.aws().stepFunctionsEndpoint())
            .region(Region.of(EmbeddedStack.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
  }

  /**
   * Starts the stack on the real cluster; {@code namespaces} are created now, each with the
   * ComputeTarget {@code default}, and emptied at close.
   */
  static ClusterStack start(
      boolean runOperator, int workers, int concurrency, String... namespaces) {
    RealCluster cluster = RealCluster.get();
    for (String namespace : namespaces) {
      cluster.ensureNamespace(namespace);
    }
    EmbeddedStack stack =
        EmbeddedStack.builder()
            .kubeconfig(cluster.kubeconfig())
            .runOperator(runOperator)
            .workers(workers)
            .workerConcurrency(concurrency)
            .start();
    for (String namespace : namespaces) {
      // a case sees only its own namespace's targets
      stack.applyDefaultTarget(namespace);
    }
    return new ClusterStack(cluster, stack, List.of(namespaces));
  }

  KubernetesClient client() {
    return cluster.client();
  }

  Resource<ComputeCase> computeCase(String namespace, String name) {
    return client().resources(ComputeCase.class).inNamespace(namespace).withName(name);
  }

  /** Creates a case of {@code count} generated items of {@code computeMs} each. */
  Resource<ComputeCase> create(String namespace, String name, int count, long computeMs) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    Generate generate = new Generate();
    generate.setCount(count);
    spec.setGenerate(generate);
    ObjectNode parameters = JSON.createObjectNode().put("computeMs", computeMs);
    spec.setParameters(parameters);
    ComputeCase resource = new ComputeCase();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    resource.setSpec(spec);
    client().resources(ComputeCase.class).inNamespace(namespace).resource(resource).create();
    return computeCase(namespace, name);
  }

  static ComputeCaseStatus status(Resource<ComputeCase> resource) {
    ComputeCase current = resource.get();
    return current == null || current.getStatus() == null
        ? new ComputeCaseStatus()
        : current.getStatus();
  }

  static String phase(Resource<ComputeCase> resource) {
    return status(resource).getPhase();
  }

  @Override
  public void close() {
    try {
      for (String namespace : namespaces) {
        client().resources(ComputeCase.class).inNamespace(namespace).delete();
        await("the cases of " + namespace + " are deleted")
            .atMost(Duration.ofMinutes(2))
            .until(
                () ->
                    client()
                        .resources(ComputeCase.class)
                        .inNamespace(namespace)
                        .list()
                        .getItems()
                        .isEmpty());
      }
      client().resources(ComputeTarget.class).inAnyNamespace().delete();
      await("the ComputeTargets are deleted")
          .atMost(Duration.ofMinutes(2))
          .until(
              () ->
                  client()
                      .resources(ComputeTarget.class)
                      .inAnyNamespace()
                      .list()
                      .getItems()
                      .isEmpty());
      // the controller manager's garbage collector deletes the targets' worker Deployments
      await("the worker Deployments are collected")
          .atMost(Duration.ofMinutes(2))
          .until(
              () ->
                  client()
                      .apps()
                      .deployments()
                      .inAnyNamespace()
                      .withLabel("app.kubernetes.io/name", "computecase-worker")
                      .list()
                      .getItems()
                      .isEmpty());
    } finally {
      sfn.close();
      stack.close();
    }
  }
}
