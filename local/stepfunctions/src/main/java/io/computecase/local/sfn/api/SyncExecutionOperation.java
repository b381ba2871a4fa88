package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** StartSyncExecution: runs an EXPRESS state machine and answers with its end, as AWS does. */
final class SyncExecutionOperation {
  /** AWS runs a synchronous Express execution for at most five minutes. */
  private static final long LIMIT_SECONDS = 300;

  private final ExecutionOperations executions;
  private final StateMachineCatalog catalog;

  SyncExecutionOperation(ExecutionOperations executions, StateMachineCatalog catalog) {
    this.executions = executions;
    this.catalog = catalog;
  }

  JsonNode start(JsonNode request) {
    String machineArn =
        ResourceNames.arn(
            new RequestFields(request).requiredString("stateMachineArn"), "stateMachine");
    if (!catalog.get(machineArn).type().equals("EXPRESS")) {
      throw new EngineException(
          EngineError.STATE_MACHINE_TYPE_NOT_SUPPORTED,
          "This operation is not supported by this type of state machine");
    }
    Execution execution = executions.startExecution(request);
    ExecutionStatus status;
    try {
      status = execution.ended().get(LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      status = execution.status();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for " + execution.arn(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    ObjectNode response = ApiShapes.object();
    response.put("executionArn", execution.arn());
    response.put("stateMachineArn", machineArn);
    response.put("name", execution.name());
    ApiShapes.timestamp(response, "startDate", execution.startMillis());
    ApiShapes.timestamp(response, "stopDate", execution.stopMillis());
    response.put("status", status.open() ? "TIMED_OUT" : status.apiName());
    ErrorAndCause.of(status).write(response);
    response.put("input", execution.input().toString());
    response.putObject("inputDetails").put("included", true);
    if (status instanceof ExecutionStatus.Succeeded succeeded) {
      response.put("output", succeeded.output().toString());
      response.putObject("outputDetails").put("included", true);
    }
    if (execution.traceHeader() != null) {
      response.put("traceHeader", execution.traceHeader());
    }
    ObjectNode billing = response.putObject("billingDetails");
    billing.put("billedMemoryUsedInMB", 64);
    billing.put(
        "billedDurationInMilliseconds",
        Math.max(100, execution.stopMillis() - execution.startMillis()));
    return response;
  }
}
