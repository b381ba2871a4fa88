package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.teststate.StateTester;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import io.computecase.local.sfn.machines.StateTests;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Step Functions API (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.<Operation>}): one
 * handler per operation, the same whether called in process or over HTTP.
 */
public final class StepFunctionsApi implements AwsJsonService {
  /** The X-Amz-Target prefix of the Step Functions API. */
  public static final String TARGET_PREFIX = "AWSStepFunctions";

  /**
   * A task's answers: each only closes a waiting task and hands the execution on, and a fan-out
   * sends one per item, so they are served without a thread hand-off.
   */
  private static final Set<String> ANSWERS =
      Set.of("SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat");

  private final Map<String, OperationHandler> operations = new LinkedHashMap<>();
  private final StepFunctionsEngine engine;

  public StepFunctionsApi(StepFunctionsEngine engine, StateMachineCatalog catalog) {
    this.engine = engine;
    StateMachineOperations machines = new StateMachineOperations(engine, catalog);
    ExecutionOperations executions = new ExecutionOperations(engine, catalog);
    SyncExecutionOperation sync = new SyncExecutionOperation(executions, catalog);
    HistoryOperation history = new HistoryOperation(engine);
    TaskOperations tasks = new TaskOperations(engine);
    MapRunOperations mapRuns = new MapRunOperations(engine);
    TagOperations tags = new TagOperations(catalog);
    TestStateOperation testState = new TestStateOperation(new StateTests(new StateTester(engine)));
    add("CreateStateMachine", machines::create);
    add("DescribeStateMachine", machines::describe);
    add("ListStateMachines", machines::list);
    add("UpdateStateMachine", machines::update);
    add("DeleteStateMachine", machines::delete);
    add("ValidateStateMachineDefinition", machines::validate);
    add("DescribeStateMachineForExecution", machines::describeForExecution);
    add("StartExecution", executions::start);
    add("StartSyncExecution", sync::start);
    add("DescribeExecution", executions::describe);
    add("StopExecution", executions::stop);
    add("RedriveExecution", executions::redrive);
    add("ListExecutions", executions::list);
    add("GetExecutionHistory", history::history);
    add("SendTaskSuccess", tasks::success);
    add("SendTaskFailure", tasks::failure);
    add("SendTaskHeartbeat", tasks::heartbeat);
    add("ListMapRuns", mapRuns::list);
    add("DescribeMapRun", mapRuns::describe);
    add("UpdateMapRun", mapRuns::update);
    add("TagResource", tags::tag);
    add("UntagResource", tags::untag);
    add("ListTagsForResource", tags::list);
    add("TestState", testState::test);
  }

  private void add(String operation, OperationHandler handler) {
    OperationHandler translated = ErrorTranslation.translated(handler);
    if (readOnly(operation)) {
      operations.put(operation, translated);
    } else {
      // What changes state machines, tags or Map Run settings makes a snapshot due.
      operations.put(
          operation,
          request -> {
            JsonNode response = translated.handle(request);
            engine.changed();
            return response;
          });
    }
  }

  private static boolean readOnly(String operation) {
    return operation.startsWith("Describe")
        || operation.startsWith("List")
        || operation.startsWith("Get")
        || operation.startsWith("Validate")
        || operation.equals("TestState");
  }

  @Override
  public boolean blocks(String operation) {
    return !ANSWERS.contains(operation);
  }

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    OperationHandler handler = operations.get(operation);
    if (handler == null) {
      throw new AwsServiceException("UnknownOperationException", "Unknown operation " + operation);
    }
    return handler.handle(request);
  }

  /** Serves every operation over HTTP on loopback (0 = any free port). */
  public AwsJsonServer serve(int port) {
    AwsJsonServer.Builder builder =
        AwsJsonServer.builder(TARGET_PREFIX, "1.0").port(port).threads(64);
    operations.forEach(
        (name, handler) -> {
          if (!blocks(name)) {
            builder.nonBlockingOperation(name, handler);
          } else {
            builder.operation(name, handler);
          }
        });
    return builder.start();
  }
}
