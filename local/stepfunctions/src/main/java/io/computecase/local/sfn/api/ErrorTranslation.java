package io.computecase.local.sfn.api;

import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.sfn.definition.InvalidDefinitionException;
import io.computecase.local.sfn.errors.EngineException;

/** The one place where domain exceptions become AWS's error codes and HTTP statuses. */
final class ErrorTranslation {
  private ErrorTranslation() {}

  static OperationHandler translated(OperationHandler handler) {
    return request -> {
      try {
        return handler.handle(request);
      } catch (EngineException e) {
        throw new AwsServiceException(e.error().awsCode(), 400, e.getMessage());
      } catch (InvalidDefinitionException e) {
        throw new AwsServiceException("InvalidDefinition", 400, e.getMessage());
      }
    };
  }
}
