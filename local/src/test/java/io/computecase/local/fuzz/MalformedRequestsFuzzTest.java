package io.computecase.local.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.local.fuzz.KubernetesEndpoint.KubeCall;
import io.computecase.local.stack.EmbeddedStack;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #15's fuzzing: hundreds of malformed requests to the Step Functions, EventBridge, SQS and
 * Kubernetes APIs of one embedded stack, and malformed ComputeCases and ComputeTargets, while a
 * valid case runs. Every one must be answered with a 4xx in its API's own error shape; afterwards
 * every server still serves, the valid cases succeed and the heap has not grown past a bound.
 *
 * <p>The bodies come from one seed, printed with the counts; {@code -Dfuzz.seed=N} repeats a run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedRequestsFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_203L);

  /**
   * Used heap may grow this much over the barrage: far above what it should keep, far below a leak
   * of bodies.
   */
  private static final long HEAP_GROWTH_BOUND = 256L * 1024 * 1024;

  private static final String RESOURCES = "ComputeCase and ComputeTarget resources";
  private static final String BAD_QUERIES = "Kubernetes list and watch queries";
  private static final Map<String, Integer> COUNTS = new LinkedHashMap<>();
  private static MalformedBodies bodies;
  private static EmbeddedStack stack;
  private static StepFunctionsFuzz stepFunctions;
  private static EventBridgeFuzz eventBridge;
  private static SqsFuzz sqs;
  private static AwsJsonEndpoint stepFunctionsApi;
  private static AwsJsonEndpoint eventBridgeApi;
  private static AwsJsonEndpoint sqsApi;
  private static KubernetesEndpoint kubernetes;
  private static long heapBefore;

  @BeforeAll
  static void start() {
    System.out.println("fuzz seed: " + SEED + " (repeat with -Dfuzz.seed=" + SEED + ")");
    bodies = new MalformedBodies(SEED);
    stack = EmbeddedStack.builder().workers(1).workerConcurrency(10).start();
    stepFunctionsApi =
        new AwsJsonEndpoint(
            "Step Functions", stack.aws().stepFunctionsEndpoint(), "AWSStepFunctions", "1.0");
    eventBridgeApi =
        new AwsJsonEndpoint("EventBridge", stack.aws().eventsEndpoint(), "AWSEvents", "1.1");
    sqsApi = new AwsJsonEndpoint("SQS", stack.aws().sqsEndpoint(), "AmazonSQS", "1.0");
    kubernetes = new KubernetesEndpoint(stack.client());
    stepFunctions = new StepFunctionsFuzz(stepFunctionsApi);
    stepFunctions.prepare();
    eventBridge = new EventBridgeFuzz(eventBridgeApi);
    eventBridge.prepare();
    sqs = new SqsFuzz(sqsApi);
    sqs.prepare();
    kubernetes.ok(KubernetesApiFuzz.configMap());
    ComputeResourceFuzz.victims().forEach(kubernetes::ok);
    // the case runs while the barrage goes on
    kubernetes.ok(validCase("fuzz-valid-before"));
    heapBefore = usedHeapAfterGc();
  }

  @AfterAll
  static void stop() {
    int apiRequests =
        COUNTS.entrySet().stream()
            .filter(count -> !count.getKey().equals(RESOURCES))
            .mapToInt(Map.Entry::getValue)
            .sum();
    System.out.println(
        "fuzz seed "
            + SEED
            + ": "
            + apiRequests
            + " malformed API requests and "
            + COUNTS.getOrDefault(RESOURCES, 0)
            + " malformed resources; per API: "
            + COUNTS);
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void stepFunctionsRefusesEveryMalformedCall() {
    refuseAll("Step Functions", stepFunctions.calls(bodies), stepFunctionsApi::refusalProblem);
  }

  @Test
  @Order(2)
  void eventBridgeRefusesEveryMalformedCall() {
    refuseAll("EventBridge", eventBridge.calls(bodies), eventBridgeApi::refusalProblem);
  }

  @Test
  @Order(3)
  void sqsRefusesEveryMalformedCall() {
    refuseAll("SQS", sqs.calls(bodies), sqsApi::refusalProblem);
  }

  @Test
  @Order(4)
  void kubernetesRefusesEveryMalformedRequest() {
    refuseAll("Kubernetes", KubernetesApiFuzz.calls(bodies), kubernetes::refusalProblem);
  }

  @Test
  @Order(5)
  void kubernetesAnswersEveryListAndWatchWhoseQueryDoesNotParseWithABadRequest() {
    refuseAll(BAD_QUERIES, KubernetesApiFuzz.badQueries(), kubernetes::badRequestProblem);
  }

  @Test
  @Order(6)
  void kubernetesRefusesEveryMalformedComputeCaseAndComputeTarget() {
    refuseAll(RESOURCES, ComputeResourceFuzz.calls(bodies), kubernetes::refusalProblem);
  }

  @Test
  @Order(7)
  void afterTheBarrageEveryServerServesTheCasesSucceedAndTheHeapIsBounded() {
    stepFunctions.stillServes();
    eventBridge.stillServes();
    sqs.stillServes();
    kubernetes.ok(
        KubeCall.of(
            "get " + KubernetesApiFuzz.CONFIG_MAP,
            "GET",
            KubernetesApiFuzz.collections().get(0) + "/" + KubernetesApiFuzz.CONFIG_MAP,
            null,
            null));
    kubernetes.ok(validCase("fuzz-valid-after"));
    for (String name : List.of("fuzz-valid-before", "fuzz-valid-after")) {
      Resource<ComputeCase> valid =
          stack.client().resources(ComputeCase.class).inNamespace("default").withName(name);
      await(name + " Succeeded")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> phase(valid), "Succeeded"::equals);
    }
    long growth = usedHeapAfterGc() - heapBefore;
    System.out.printf(
        "used heap after GC grew by %d MiB over the barrage%n", growth / (1024 * 1024));
    assertThat(growth).as("used heap growth over the barrage, bytes").isLessThan(HEAP_GROWTH_BOUND);
    int aws =
        COUNTS.getOrDefault("Step Functions", 0)
            + COUNTS.getOrDefault("EventBridge", 0)
            + COUNTS.getOrDefault("SQS", 0);
    int kubernetesApi = COUNTS.getOrDefault("Kubernetes", 0) + COUNTS.getOrDefault(BAD_QUERIES, 0);
    assertThat(aws + kubernetesApi).as("malformed API requests sent").isGreaterThanOrEqualTo(500);
    assertThat(COUNTS.getOrDefault(RESOURCES, 0))
        .as("malformed ComputeCase and ComputeTarget resources sent")
        .isGreaterThanOrEqualTo(50);
  }

  private static <T> void refuseAll(
      String api, List<T> calls, Function<T, Optional<String>> check) {
    List<String> problems = new ArrayList<>();
    for (T call : calls) {
      check
          .apply(call)
          .ifPresent(
              problem -> {
                problems.add(problem);
                System.out.println("NOT REFUSED PROPERLY: " + problem);
              });
    }
    COUNTS.put(api, calls.size());
    System.out.printf(
        "%s: %d malformed requests, %d not refused properly%n", api, calls.size(), problems.size());
    assertThat(problems)
        .as("%s answers that are not a 4xx in its error shape (seed %d)", api, SEED)
        .isEmpty();
  }

  private static KubeCall validCase(String name) {
    return KubeCall.of(
        "create " + name,
        "POST",
        ComputeResourceFuzz.CASES,
        "application/json",
        ComputeResourceFuzz.validCase(name).toString());
  }

  private static String phase(Resource<ComputeCase> resource) {
    ComputeCase current = resource.get();
    return current == null || current.getStatus() == null ? null : current.getStatus().getPhase();
  }

  /**
   * Used heap after full collections, the lowest of three, so garbage not yet collected is not
   * counted.
   */
  private static long usedHeapAfterGc() {
    long lowest = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      lowest = Math.min(lowest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return lowest;
  }
}
