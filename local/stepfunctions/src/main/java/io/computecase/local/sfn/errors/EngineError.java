package io.computecase.local.sfn.errors;

/** The API errors the engine answers with; each is mapped to AWS's error code in one place. */
public enum EngineError {
  INVALID_TOKEN("InvalidToken"),
  TASK_DOES_NOT_EXIST("TaskDoesNotExist"),
  TASK_TIMED_OUT("TaskTimedOut"),
  EXECUTION_ALREADY_EXISTS("ExecutionAlreadyExists"),
  EXECUTION_DOES_NOT_EXIST("ExecutionDoesNotExist"),
  EXECUTION_NOT_REDRIVABLE("ExecutionNotRedrivable"),
  EXECUTION_LIMIT_EXCEEDED("ExecutionLimitExceeded"),
  STATE_MACHINE_DOES_NOT_EXIST("StateMachineDoesNotExist"),
  STATE_MACHINE_ALREADY_EXISTS("StateMachineAlreadyExists"),
  STATE_MACHINE_TYPE_NOT_SUPPORTED("StateMachineTypeNotSupported"),
  INVALID_DEFINITION("InvalidDefinition"),
  INVALID_ARN("InvalidArn"),
  INVALID_NAME("InvalidName"),
  INVALID_EXECUTION_INPUT("InvalidExecutionInput"),
  INVALID_OUTPUT("InvalidOutput"),
  RESOURCE_NOT_FOUND("ResourceNotFound"),
  VALIDATION("ValidationException");

  private final String awsCode;

  EngineError(String awsCode) {
    this.awsCode = awsCode;
  }

  public String awsCode() {
    return awsCode;
  }
}
