package io.computecase.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Step Functions stand-in whose executions do not run by themselves: a test moves them (starts
 * the Map Run, counts items, finishes) and sees what the operator reads and calls.
 */
public final class TestingStepFunctions implements AutoCloseable {
  static final String PREFIX = "arn:aws:states:us-east-1:000000000000:";

  /** One execution as the test drives it. */
  public static final class Execution {
    public final String arn;
    public final String input;
    public volatile String status = "RUNNING";
    public final Instant start = Instant.now();
    public volatile Instant stop;
    public volatile String output;
    public volatile String error;
    public volatile String cause;
    public volatile MapRun mapRun;

    Execution(String arn, String input) {
      this.arn = arn;
      this.input = input;
    }
  }

  /** The Distributed Map Run of an execution, with its item counters and failed children. */
  public static final class MapRun {
    public final String arn;
    public volatile long total;
    public volatile long running;
    public volatile long succeeded;
    public volatile long failed;
    public volatile int maxConcurrency;
    public final List<ObjectNode> failedChildren = new ArrayList<>();

    MapRun(String arn, long total, int maxConcurrency) {
      this.arn = arn;
      this.total = total;
      this.maxConcurrency = maxConcurrency;
    }
  }

  private final Map<String, ObjectNode> machines = new ConcurrentHashMap<>();
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> children = new ConcurrentHashMap<>();
  public final AtomicInteger startExecutionCalls = new AtomicInteger();
  public final AtomicInteger createStateMachineCalls = new AtomicInteger();
  public final AtomicInteger updateStateMachineCalls = new AtomicInteger();
  public final List<String> redriveExecutionCalls =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  public final List<String> stopExecutionCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AwsJsonServer server;

  public TestingStepFunctions() {
    server =
        AwsJsonServer.builder("AWSStepFunctions", "1.0")
            .operation("ListStateMachines", r -> listStateMachines())
            .operation("CreateStateMachine", this::createStateMachine)
            .operation(
                "DescribeStateMachine",
                r -> machine(new RequestFields(r).requiredString("stateMachineArn")))
            .operation("UpdateStateMachine", this::updateStateMachine)
            .operation("StartExecution", this::startExecution)
            .operation("DescribeExecution", this::describeExecution)
            .operation("StopExecution", this::stopExecution)
            .operation("ListMapRuns", this::listMapRuns)
            .operation("DescribeMapRun", this::describeMapRun)
            .operation("UpdateMapRun", this::updateMapRun)
            .operation("ListExecutions", this::listExecutions)
            .operation("RedriveExecution", this::redriveExecution)
            .start();
  }

  public URI endpoint() {
    return URI.create(server.endpoint());
  }

  public List<ObjectNode> stateMachines() {
    return List.copyOf(machines.values());
  }

  public List<Execution> executions() {
    return List.copyOf(executions.values());
  }

  /** The only execution started so far (tests of one case). */
  public Execution onlyExecution() {
    if (executions.size() != 1) {
      throw new AssertionError("expected one execution, found " + executions.keySet());
    }
    return executions.values().iterator().next();
  }

  /** The execution of a case, found by the name the operator derives from its uid. */
  public java.util.Optional<Execution> executionOf(io.computecase.api.v1alpha1.ComputeCase cc) {
    return executions.values().stream()
        .filter(e -> e.arn.endsWith(":cc-" + cc.getMetadata().getUid()))
        .findFirst();
  }

  public MapRun startMapRun(Execution execution, long total) {
    int max =
        AwsJson.MAPPER
            .valueToTree(parse(execution.input))
            .path("request")
            .path("maxConcurrency")
            .asInt();
    String arn = PREFIX + "mapRun:computecase/ComputeItems:" + UUID.randomUUID();
    execution.mapRun = new MapRun(arn, total, max);
    return execution.mapRun;
  }

  /** A child execution of the Map Run that failed with this error, for the summary to find. */
  public void failItem(Execution execution, int index, JsonNode item, String error, String cause) {
    ObjectNode child = AwsJson.MAPPER.createObjectNode();
    String arn = execution.mapRun.arn.replace(":mapRun:", ":execution:") + ":" + index;
    child.put("executionArn", arn);
    child.put("stateMachineArn", PREFIX + "stateMachine:computecase/ComputeItems");
    child.put("name", String.valueOf(index));
    child.put("status", "States.Timeout".equals(error) ? "TIMED_OUT" : "FAILED");
    ObjectNode input = AwsJson.MAPPER.createObjectNode();
    input.put("index", index);
    input.set("item", item);
    child.put("input", input.toString());
    child.put("error", error);
    child.put("cause", cause);
    child.put("startDate", Instant.now().getEpochSecond());
    child.put("stopDate", Instant.now().getEpochSecond());
    children.put(arn, child);
    execution.mapRun.failedChildren.add(child);
  }

  public void finish(Execution execution, String status, String output) {
    execution.output = output;
    execution.stop = Instant.now();
    execution.status = status;
  }

  private JsonNode listStateMachines() {
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    var list = out.putArray("stateMachines");
    machines
        .values()
        .forEach(
            m ->
                list.addObject()
                    .put("stateMachineArn", m.get("stateMachineArn").asText())
                    .put("name", m.get("name").asText())
                    .put("type", "STANDARD")
                    .put("creationDate", m.get("creationDate").asDouble()));
    return out;
  }

  private JsonNode createStateMachine(JsonNode request) {
    RequestFields f = new RequestFields(request);
    String name = f.requiredString("name");
    String arn = PREFIX + "stateMachine:" + name;
    if (machines.containsKey(arn)) {
      throw new AwsServiceException("StateMachineAlreadyExists", "State Machine Already Exists");
    }
    createStateMachineCalls.incrementAndGet();
    ObjectNode machine = AwsJson.MAPPER.createObjectNode();
    machine.put("stateMachineArn", arn);
    machine.put("name", name);
    machine.put("definition", f.requiredString("definition"));
    machine.put("roleArn", f.requiredString("roleArn"));
    machine.put("type", "STANDARD");
    machine.put("status", "ACTIVE");
    machine.put("creationDate", Instant.now().getEpochSecond());
    machines.put(arn, machine);
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    out.put("stateMachineArn", arn);
    out.put("creationDate", Instant.now().getEpochSecond());
    return out;
  }

  /** Replaces a machine's definition behind the operator's back, as a drift. */
  public void driftDefinition(String arn, String definition) {
    machines.get(arn).put("definition", definition);
  }

  private ObjectNode machine(String arn) {
    ObjectNode machine = machines.get(arn);
    if (machine == null) {
      throw new AwsServiceException("StateMachineDoesNotExist", "State Machine Does Not Exist");
    }
    return machine;
  }

  private JsonNode updateStateMachine(JsonNode request) {
    RequestFields f = new RequestFields(request);
    ObjectNode machine = machine(f.requiredString("stateMachineArn"));
    f.optionalString("definition").ifPresent(d -> machine.put("definition", d));
    updateStateMachineCalls.incrementAndGet();
    return AwsJson.MAPPER.createObjectNode().put("updateDate", Instant.now().getEpochSecond());
  }

  /** When set, StartExecution answers AccessDenied as AWS does for a role lacking the action. */
  public volatile boolean denyStartExecution;

  private JsonNode startExecution(JsonNode request) {
    RequestFields f = new RequestFields(request);
    if (denyStartExecution) {
      throw new AwsServiceException(
          "AccessDeniedException",
          "User: arn:aws:sts::000000000000:"
              + "assumed-role/computecase-operator is not authorized to perform:"
              + " states:StartExecution on resource: "
              + f.requiredString("stateMachineArn"));
    }
    String smArn = f.requiredString("stateMachineArn");
    machine(smArn);
    String name = f.optionalString("name").orElse(UUID.randomUUID().toString());
    String arn = smArn.replace(":stateMachine:", ":execution:") + ":" + name;
    String input = f.optionalString("input").orElse("{}");
    startExecutionCalls.incrementAndGet();
    Execution existing = executions.get(arn);
    if (existing != null && !(existing.input.equals(input) && existing.status.equals("RUNNING"))) {
      throw new AwsServiceException(
          "ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
    }
    if (existing == null) {
      executions.put(arn, new Execution(arn, input));
    }
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    out.put("executionArn", arn);
    out.put("startDate", executions.get(arn).start.toEpochMilli() / 1000.0);
    return out;
  }

  private Execution execution(String arn) {
    Execution e = executions.get(arn);
    if (e == null) {
      throw new AwsServiceException(
          "ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return e;
  }

  private JsonNode describeExecution(JsonNode request) {
    String arn = new RequestFields(request).requiredString("executionArn");
    if (children.containsKey(arn)) {
      return children.get(arn);
    }
    Execution e = execution(arn);
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    out.put("executionArn", e.arn);
    out.put(
        "stateMachineArn",
        arn.substring(0, arn.lastIndexOf(':')).replace(":execution:", ":stateMachine:"));
    out.put("name", arn.substring(arn.lastIndexOf(':') + 1));
    out.put("status", e.status);
    out.put("startDate", e.start.toEpochMilli() / 1000.0);
    if (e.stop != null) {
      out.put("stopDate", e.stop.toEpochMilli() / 1000.0);
    }
    out.put("input", e.input);
    if (e.output != null) {
      out.put("output", e.output);
    }
    if (e.error != null) {
      out.put("error", e.error);
    }
    if (e.cause != null) {
      out.put("cause", e.cause);
    }
    return out;
  }

  private JsonNode stopExecution(JsonNode request) {
    RequestFields f = new RequestFields(request);
    Execution e = execution(f.requiredString("executionArn"));
    stopExecutionCalls.add(e.arn);
    if (e.status.equals("RUNNING")) {
      e.error = f.optionalString("error").orElse(null);
      e.cause = f.optionalString("cause").orElse(null);
      finish(e, "ABORTED", null);
    }
    return AwsJson.MAPPER.createObjectNode().put("stopDate", e.stop.toEpochMilli() / 1000.0);
  }

  private JsonNode redriveExecution(JsonNode request) {
    Execution e = execution(new RequestFields(request).requiredString("executionArn"));
    if (!List.of("FAILED", "TIMED_OUT", "ABORTED").contains(e.status)) {
      throw new AwsServiceException(
          "ExecutionNotRedrivable", "Execution with status " + e.status + " cannot be redriven");
    }
    redriveExecutionCalls.add(e.arn);
    e.status = "RUNNING";
    e.stop = null;
    e.error = null;
    e.cause = null;
    return AwsJson.MAPPER.createObjectNode().put("redriveDate", Instant.now().getEpochSecond());
  }

  private JsonNode listMapRuns(JsonNode request) {
    Execution e = execution(new RequestFields(request).requiredString("executionArn"));
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    var list = out.putArray("mapRuns");
    if (e.mapRun != null) {
      list.addObject()
          .put("executionArn", e.arn)
          .put("mapRunArn", e.mapRun.arn)
          .put("stateMachineArn", PREFIX + "stateMachine:computecase/ComputeItems")
          .put("startDate", e.start.getEpochSecond());
    }
    return out;
  }

  private MapRun mapRun(String arn) {
    return executions.values().stream()
        .map(e -> e.mapRun)
        .filter(m -> m != null && m.arn.equals(arn))
        .findFirst()
        .orElseThrow(() -> new AwsServiceException("ResourceNotFound", "Map Run not found"));
  }

  private JsonNode describeMapRun(JsonNode request) {
    MapRun m = mapRun(new RequestFields(request).requiredString("mapRunArn"));
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    out.put("mapRunArn", m.arn);
    out.put("status", m.running > 0 ? "RUNNING" : "SUCCEEDED");
    out.put("maxConcurrency", m.maxConcurrency);
    out.put("toleratedFailurePercentage", 0);
    out.put("toleratedFailureCount", 0);
    out.put("startDate", Instant.now().getEpochSecond());
    long timedOut =
        m.failedChildren.stream().filter(c -> c.get("status").asText().equals("TIMED_OUT")).count();
    ObjectNode counts = out.putObject("itemCounts");
    counts.put("pending", m.total - m.running - m.succeeded - m.failed);
    counts.put("running", m.running);
    counts.put("succeeded", m.succeeded);
    counts.put("failed", m.failed - timedOut);
    counts.put("timedOut", timedOut);
    counts.put("aborted", 0);
    counts.put("total", m.total);
    counts.put("resultsWritten", 0);
    out.set("executionCounts", counts.deepCopy());
    return out;
  }

  private JsonNode updateMapRun(JsonNode request) {
    RequestFields f = new RequestFields(request);
    MapRun m = mapRun(f.requiredString("mapRunArn"));
    f.optionalInt("maxConcurrency").ifPresent(n -> m.maxConcurrency = n);
    return AwsJson.MAPPER.createObjectNode();
  }

  private JsonNode listExecutions(JsonNode request) {
    RequestFields f = new RequestFields(request);
    String status = f.optionalString("statusFilter").orElse(null);
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    var list = out.putArray("executions");
    f.optionalString("mapRunArn")
        .ifPresent(
            arn ->
                mapRun(arn).failedChildren.stream()
                    .filter(c -> status == null || c.get("status").asText().equals(status))
                    .forEach(
                        c ->
                            list.addObject()
                                .put("executionArn", c.get("executionArn").asText())
                                .put("stateMachineArn", c.get("stateMachineArn").asText())
                                .put("name", c.get("name").asText())
                                .put("status", c.get("status").asText())
                                .put("startDate", c.get("startDate").asLong())));
    return out;
  }

  private static JsonNode parse(String json) {
    try {
      return AwsJson.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
