package io.computecase.local.sfn.integration.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.sfn.integration.IntegrationFailure;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Calls an AWS JSON service for an integration, on the executor meant for blocking calls unless the
 * service says the operation never blocks, turning the service's errors into the error names Step
 * Functions gives them ({@code <Service>.<Code>}).
 */
final class AwsServiceCalls {
  private AwsServiceCalls() {}

  static CompletableFuture<JsonNode> invoke(
      AwsJsonService service,
      String serviceName,
      String operation,
      JsonNode request,
      Executor executor) {
    Supplier<JsonNode> call =
        () -> {
          try {
            return service.invoke(operation, request);
          } catch (AwsServiceException e) {
            throw new IntegrationFailure(
                serviceName + "." + e.code(),
                e.getMessage()
                    + " (Service: "
                    + serviceName
                    + ", Status Code: "
                    + e.httpStatus()
                    + ", Request ID: "
                    + UUID.randomUUID()
                    + ")");
          } catch (RuntimeException e) {
            throw new IntegrationFailure(
                serviceName + ".SdkClientException",
                "Unable to execute HTTP request: " + e.getMessage());
          }
        };
    if (service.blocks(operation)) {
      return CompletableFuture.supplyAsync(call, executor);
    }
    // A call that never waits (PutEvents in process) is made here: no hand-off per task.
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (IntegrationFailure e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
