package io.computecase.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.local.stack.EmbeddedStack;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The embedded stack as the tests use it: apply cases through the Kubernetes API, read AWS back.
 */
final class StackFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NAMESPACE = "default";

  final EmbeddedStack stack;
  final SfnClient sfn;

  StackFixture(int workers, int concurrency) {
    stack = EmbeddedStack.builder().workers(workers).workerConcurrency(concurrency).start();
    sfn =
        SfnClient.builder()
            .endpointOverride(stack.aws().stepFunctionsEndpoint())
            .region(Region.of(EmbeddedStack.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
  }

  static ObjectNode parameters(long computeMs) {
    return JSON.createObjectNode().put("computeMs", computeMs);
  }

  static ComputeCaseSpec generated(int count, JsonNode parameters) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    Generate generate = new Generate();
    generate.setCount(count);
    spec.setGenerate(generate);
    spec.setParameters(parameters);
    return spec;
  }

  static ComputeCaseSpec inline(List<ObjectNode> items, JsonNode parameters) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setItems(items);
    spec.setParameters(parameters);
    return spec;
  }

  Resource<ComputeCase> apply(String name, ComputeCaseSpec spec) {
    ComputeCase resource = new ComputeCase();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    resource.setSpec(spec);
    stack.client().resources(ComputeCase.class).inNamespace(NAMESPACE).resource(resource).create();
    return stack.client().resources(ComputeCase.class).inNamespace(NAMESPACE).withName(name);
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
    sfn.close();
    stack.close();
  }
}
