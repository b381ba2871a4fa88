package io.computecase.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Step Functions fake every module's tests share. Nothing runs by itself: the test moves
 * executions (starts a Map Run, counts items, fails children, finishes), and sees what the code
 * under test called. It speaks AWS's JSON 1.0 protocol in process ({@link #invoke}, an {@link
 * AwsJsonService}, as EventBridge's state machine targets call it) and over HTTP ({@link
 * #endpoint}, for the AWS SDK's {@code endpointOverride}), and answers as AWS does:
 *
 * <ul>
 *   <li>state machines: Create, Describe, Update, List; StateMachineDoesNotExist and
 *       StateMachineAlreadyExists;
 *   <li>executions: Start (idempotent for the same name and input while running, else
 *       ExecutionAlreadyExists), Describe, Stop, Redrive (ExecutionNotRedrivable), List; each start
 *       recorded per state machine;
 *   <li>Map Runs: List, Describe (item and execution counts), Update (MaxConcurrency), and the
 *       failed child executions of a run;
 *   <li>task tokens: SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat recorded as {@link
 *       Answer}s; a closed token answers TaskTimedOut, an unknown one TaskDoesNotExist, a string
 *       that is no token InvalidToken; AWS's size limits answer ValidationException and
 *       InvalidOutput.
 * </ul>
 */
public final class TestingStepFunctions implements AwsJsonService, AutoCloseable {
  /** The ARN prefix of everything here: us-east-1, account 000000000000. */
  public static final String PREFIX = "arn:aws:states:us-east-1:000000000000:";

  private static final String MAP_RUN_MACHINE = PREFIX + "stateMachine:computecase/ComputeItems";
  private static final String TOKEN_PREFIX = "testing-token-";

  /** One execution as the test drives it. */
  public static final class Execution {
    public final String arn;
    public final String stateMachineArn;
    public final String name;
    public final String input;
    public final Instant start = Instant.now();
    public volatile String status = "RUNNING";
    public volatile Instant stop;
    public volatile String output;
    public volatile String error;
    public volatile String cause;
    public volatile MapRun mapRun;

    Execution(String stateMachineArn, String name, String input) {
      this.arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
      this.stateMachineArn = stateMachineArn;
      this.name = name;
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
    public final List<ObjectNode> failedChildren = new CopyOnWriteArrayList<>();

    MapRun(String arn, long total, int maxConcurrency) {
      this.arn = arn;
      this.total = total;
      this.maxConcurrency = maxConcurrency;
    }
  }

  /** One SendTask* call as received, and whether it was accepted. */
  public record Answer(String operation, String token, JsonNode request, boolean accepted) {
    /** SendTaskSuccess's output, parsed. */
    public JsonNode output() {
      try {
        return AwsJson.MAPPER.readTree(request.path("output").asText());
      } catch (IOException e) {
        throw new AssertionError("output is not JSON: " + request, e);
      }
    }
  }

  private enum TokenState {
    WAITING,
    CLOSED
  }

  private final Map<String, OperationHandler> operations = new LinkedHashMap<>();
  private final Map<String, ObjectNode> machines = new ConcurrentHashMap<>();
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final List<Execution> started = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> children = new ConcurrentHashMap<>();
  private final Map<String, TokenState> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> refusals = new ConcurrentHashMap<>();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final Deque<AwsServiceException> upcomingFaults = new ArrayDeque<>();
  private AwsJsonServer server;

  public final AtomicInteger createStateMachineCalls = new AtomicInteger();
  public final AtomicInteger updateStateMachineCalls = new AtomicInteger();
  public final AtomicInteger startExecutionCalls = new AtomicInteger();
  public final List<String> stopExecutionCalls = new CopyOnWriteArrayList<>();
  public final List<String> redriveExecutionCalls = new CopyOnWriteArrayList<>();

  /** When set, StartExecution answers AccessDenied as AWS does for a role lacking the action. */
  public volatile boolean denyStartExecution;

  public TestingStepFunctions() {
    operations.put("CreateStateMachine", this::createStateMachine);
    operations.put(
        "DescribeStateMachine", r -> machine(fields(r).requiredString("stateMachineArn")));
    operations.put("UpdateStateMachine", this::updateStateMachine);
    operations.put("ListStateMachines", r -> listStateMachines());
    operations.put("StartExecution", this::startExecution);
    operations.put("DescribeExecution", this::describeExecution);
    operations.put("StopExecution", this::stopExecution);
    operations.put("RedriveExecution", this::redriveExecution);
    operations.put("ListExecutions", this::listExecutions);
    operations.put("ListMapRuns", this::listMapRuns);
    operations.put("DescribeMapRun", this::describeMapRun);
    operations.put("UpdateMapRun", this::updateMapRun);
    operations.put("SendTaskSuccess", r -> answer("SendTaskSuccess", r, true));
    operations.put("SendTaskFailure", r -> answer("SendTaskFailure", r, true));
    operations.put("SendTaskHeartbeat", r -> answer("SendTaskHeartbeat", r, false));
  }

  // ---- the protocol: in process, or over HTTP

  /** Serves one operation in process, exactly as over HTTP (injected faults included). */
  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    synchronized (upcomingFaults) {
      AwsServiceException fault = upcomingFaults.poll();
      if (fault != null) {
        throw fault;
      }
    }
    OperationHandler handler = operations.get(operation);
    if (handler == null) {
      throw new AwsServiceException("UnknownOperationException", "Unknown operation " + operation);
    }
    return handler.handle(request);
  }

  /** The HTTP endpoint, for an AWS client's endpointOverride; the server starts on first call. */
  public synchronized URI endpoint() {
    if (server == null) {
      AwsJsonServer.Builder builder = AwsJsonServer.builder("AWSStepFunctions", "1.0");
      operations.keySet().forEach(name -> builder.operation(name, r -> invoke(name, r)));
      server = builder.start();
    }
    return URI.create(server.endpoint());
  }

  /** The next calls fail with these errors (throttling, 5xx), in order, before any is served. */
  public void failNext(int times, String code, int httpStatus) {
    synchronized (upcomingFaults) {
      for (int i = 0; i < times; i++) {
        upcomingFaults.add(new AwsServiceException(code, httpStatus, "Injected " + code));
      }
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  // ---- state machines

  /** Creates a state machine as CreateStateMachine would; returns its ARN. */
  public String createStateMachine(String name) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    request.put("name", name);
    request.put(
        "definition", "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}");
    request.put("roleArn", "arn:aws:iam::000000000000:role/testing");
    return createStateMachine(request).path("stateMachineArn").asText();
  }

  public List<ObjectNode> stateMachines() {
    return List.copyOf(machines.values());
  }

  /** Replaces a machine's definition behind the code's back, as a drift. */
  public void driftDefinition(String arn, String definition) {
    machine(arn).put("definition", definition);
  }

  private JsonNode createStateMachine(JsonNode request) {
    RequestFields f = fields(request);
    String name = f.requiredString("name");
    String arn = PREFIX + "stateMachine:" + name;
    ObjectNode machine = AwsJson.MAPPER.createObjectNode();
    machine.put("stateMachineArn", arn);
    machine.put("name", name);
    machine.put("definition", f.requiredString("definition"));
    machine.put("roleArn", f.requiredString("roleArn"));
    machine.put("type", "STANDARD");
    machine.put("status", "ACTIVE");
    machine.put("creationDate", Instant.now().getEpochSecond());
    if (machines.putIfAbsent(arn, machine) != null) {
      throw new AwsServiceException("StateMachineAlreadyExists", "State Machine Already Exists");
    }
    createStateMachineCalls.incrementAndGet();
    return AwsJson.MAPPER
        .createObjectNode()
        .put("stateMachineArn", arn)
        .put("creationDate", machine.get("creationDate").asLong());
  }

  private ObjectNode machine(String arn) {
    ObjectNode machine = machines.get(arn);
    if (machine == null) {
      throw new AwsServiceException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return machine;
  }

  private JsonNode updateStateMachine(JsonNode request) {
    RequestFields f = fields(request);
    ObjectNode machine = machine(f.requiredString("stateMachineArn"));
    f.optionalString("definition").ifPresent(d -> machine.put("definition", d));
    updateStateMachineCalls.incrementAndGet();
    return AwsJson.MAPPER.createObjectNode().put("updateDate", Instant.now().getEpochSecond());
  }

  private JsonNode listStateMachines() {
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("stateMachines");
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

  // ---- executions

  /** Every execution started, in the order they were started. */
  public List<Execution> executions() {
    return List.copyOf(started);
  }

  /** The executions started on this state machine, in order. */
  public List<Execution> executionsOf(String stateMachineArn) {
    return started.stream().filter(e -> e.stateMachineArn.equals(stateMachineArn)).toList();
  }

  /** The execution started with this name, on any state machine. */
  public Optional<Execution> executionNamed(String name) {
    return started.stream().filter(e -> e.name.equals(name)).findFirst();
  }

  /** The only execution started so far (tests of one case). */
  public Execution onlyExecution() {
    if (started.size() != 1) {
      throw new AssertionError("expected one execution, found " + executions.keySet());
    }
    return started.get(0);
  }

  /** Closes the execution with this status (SUCCEEDED, FAILED, ...) and output. */
  public void finish(Execution execution, String status, String output) {
    execution.output = output;
    execution.stop = Instant.now();
    execution.status = status;
  }

  private JsonNode startExecution(JsonNode request) {
    RequestFields f = fields(request);
    String machineArn = f.requiredString("stateMachineArn");
    if (denyStartExecution) {
      throw new AwsServiceException(
          "AccessDeniedException",
          "User: arn:aws:sts::000000000000:assumed-role/computecase-operator is not authorized"
              + " to perform: states:StartExecution on resource: "
              + machineArn);
    }
    machine(machineArn);
    String name = f.optionalString("name").orElseGet(() -> UUID.randomUUID().toString());
    String input = f.optionalString("input").orElse("{}");
    startExecutionCalls.incrementAndGet();
    Execution execution;
    synchronized (executions) {
      Execution candidate = new Execution(machineArn, name, input);
      execution = executions.get(candidate.arn);
      if (execution == null) {
        execution = candidate;
        executions.put(execution.arn, execution);
        started.add(execution);
      } else if (!execution.input.equals(input) || !execution.status.equals("RUNNING")) {
        // AWS's idempotency: the same name and input while running is the same execution
        throw new AwsServiceException(
            "ExecutionAlreadyExists", "Execution Already Exists: '" + execution.arn + "'");
      }
    }
    return AwsJson.MAPPER
        .createObjectNode()
        .put("executionArn", execution.arn)
        .put("startDate", execution.start.toEpochMilli() / 1000.0);
  }

  private Execution execution(String arn) {
    Execution execution = executions.get(arn);
    if (execution == null) {
      throw new AwsServiceException(
          "ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return execution;
  }

  private JsonNode describeExecution(JsonNode request) {
    String arn = fields(request).requiredString("executionArn");
    ObjectNode child = children.get(arn);
    if (child != null) {
      return child;
    }
    Execution e = execution(arn);
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    out.put("executionArn", e.arn);
    out.put("stateMachineArn", e.stateMachineArn);
    out.put("name", e.name);
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
    RequestFields f = fields(request);
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
    Execution e = execution(fields(request).requiredString("executionArn"));
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

  /** By state machine, or a Map Run's failed children, with an optional status filter. */
  private JsonNode listExecutions(JsonNode request) {
    RequestFields f = fields(request);
    String status = f.optionalString("statusFilter").orElse(null);
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("executions");
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
    f.optionalString("stateMachineArn")
        .ifPresent(
            arn ->
                executionsOf(machine(arn).get("stateMachineArn").asText()).stream()
                    .filter(e -> status == null || e.status.equals(status))
                    .forEach(
                        e ->
                            list.addObject()
                                .put("executionArn", e.arn)
                                .put("stateMachineArn", e.stateMachineArn)
                                .put("name", e.name)
                                .put("status", e.status)
                                .put("startDate", e.start.toEpochMilli() / 1000.0)));
    return out;
  }

  // ---- Map Runs

  /** Starts the execution's Distributed Map Run over this many items, none of them begun. */
  public MapRun startMapRun(Execution execution, long total) {
    int maxConcurrency = parse(execution.input).path("request").path("maxConcurrency").asInt();
    String arn = PREFIX + "mapRun:computecase/ComputeItems:" + UUID.randomUUID();
    execution.mapRun = new MapRun(arn, total, maxConcurrency);
    return execution.mapRun;
  }

  /** A child execution of the Map Run that failed with this error, for a summary to find. */
  public void failItem(Execution execution, int index, JsonNode item, String error, String cause) {
    String arn = execution.mapRun.arn.replace(":mapRun:", ":execution:") + ":" + index;
    ObjectNode input = AwsJson.MAPPER.createObjectNode();
    input.put("index", index);
    input.set("item", item);
    ObjectNode child = AwsJson.MAPPER.createObjectNode();
    child.put("executionArn", arn);
    child.put("stateMachineArn", MAP_RUN_MACHINE);
    child.put("name", String.valueOf(index));
    child.put("status", "States.Timeout".equals(error) ? "TIMED_OUT" : "FAILED");
    child.put("input", input.toString());
    child.put("error", error);
    child.put("cause", cause);
    child.put("startDate", Instant.now().getEpochSecond());
    child.put("stopDate", Instant.now().getEpochSecond());
    children.put(arn, child);
    execution.mapRun.failedChildren.add(child);
  }

  private MapRun mapRun(String arn) {
    return started.stream()
        .map(e -> e.mapRun)
        .filter(m -> m != null && m.arn.equals(arn))
        .findFirst()
        .orElseThrow(
            () -> new AwsServiceException("ResourceNotFound", "Map Run not found: '" + arn + "'"));
  }

  private JsonNode listMapRuns(JsonNode request) {
    Execution e = execution(fields(request).requiredString("executionArn"));
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("mapRuns");
    if (e.mapRun != null) {
      list.addObject()
          .put("executionArn", e.arn)
          .put("mapRunArn", e.mapRun.arn)
          .put("stateMachineArn", MAP_RUN_MACHINE)
          .put("startDate", e.start.getEpochSecond());
    }
    return out;
  }

  private JsonNode describeMapRun(JsonNode request) {
    MapRun m = mapRun(fields(request).requiredString("mapRunArn"));
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
    RequestFields f = fields(request);
    MapRun m = mapRun(f.requiredString("mapRunArn"));
    f.optionalInt("maxConcurrency").ifPresent(n -> m.maxConcurrency = n);
    return AwsJson.MAPPER.createObjectNode();
  }

  // ---- task tokens

  /** A new waiting task's token, unguessable as AWS's are. */
  public String issueToken() {
    String token = TOKEN_PREFIX + UUID.randomUUID();
    tokens.put(token, TokenState.WAITING);
    return token;
  }

  /** From now on every call with this token is refused with this AWS error code. */
  public void refuse(String token, String errorCode) {
    refusals.put(token, errorCode);
  }

  /** Every SendTask* call received, accepted or refused, in order. */
  public List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** The accepted calls of this operation (SendTaskSuccess, ...). */
  public List<Answer> accepted(String operation) {
    return answers.stream().filter(a -> a.accepted() && a.operation().equals(operation)).toList();
  }

  /** The accepted calls with this token. */
  public List<Answer> acceptedFor(String token) {
    return answers.stream().filter(a -> a.accepted() && a.token().equals(token)).toList();
  }

  /** The accepted heartbeats of this token. */
  public long heartbeats(String token) {
    return acceptedFor(token).stream()
        .filter(a -> a.operation().equals("SendTaskHeartbeat"))
        .count();
  }

  private JsonNode answer(String operation, JsonNode request, boolean closes) {
    String token = fields(request).requiredString("taskToken");
    if (operation.equals("SendTaskFailure")
        && (request.path("error").asText().length() > 256
            || request.path("cause").asText().length() > 32_768)) {
      // AWS's documented limits, so that a caller's truncation is checked
      throw AwsServiceException.validation("error or cause too long");
    }
    if (operation.equals("SendTaskSuccess")
        && request.path("output").asText().getBytes(StandardCharsets.UTF_8).length > 262_144) {
      throw new AwsServiceException("InvalidOutput", "The output exceeds 262144 bytes");
    }
    String refusal;
    synchronized (tokens) {
      refusal = refusals.getOrDefault(token, refusalOf(token));
      if (refusal == null && closes) {
        tokens.put(token, TokenState.CLOSED);
      }
    }
    answers.add(new Answer(operation, token, request, refusal == null));
    if (refusal != null) {
      throw new AwsServiceException(refusal, "Refused: " + refusal + " for the task token");
    }
    return AwsJson.MAPPER.createObjectNode();
  }

  /** AWS's answer for a token that no task waits on, or null while one does. */
  private String refusalOf(String token) {
    if (!token.startsWith(TOKEN_PREFIX)) {
      return "InvalidToken";
    }
    TokenState state = tokens.get(token);
    if (state == null) {
      return "TaskDoesNotExist";
    }
    return state == TokenState.CLOSED ? "TaskTimedOut" : null;
  }

  private static RequestFields fields(JsonNode request) {
    return new RequestFields(request);
  }

  private static JsonNode parse(String json) {
    try {
      return AwsJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + json, e);
    }
  }
}
