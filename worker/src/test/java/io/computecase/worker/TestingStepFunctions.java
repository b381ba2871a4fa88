package io.computecase.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Step Functions fake served over HTTP in AWS's JSON 1.0 protocol: it issues task tokens, records
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat, and answers as AWS does for a token that
 * is closed (TaskTimedOut), unknown (InvalidToken) or made to fail on purpose.
 */
final class TestingStepFunctions implements AutoCloseable {
  /** One answer as received. */
  record Answer(String operation, String token, JsonNode request, boolean accepted) {
    JsonNode output() {
      try {
        return AwsJson.MAPPER.readTree(request.path("output").asText());
      } catch (Exception e) {
        throw new AssertionError("output is not JSON: " + request, e);
      }
    }
  }

  private enum TokenState {
    WAITING,
    CLOSED
  }

  private final Map<String, TokenState> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> refusals = new ConcurrentHashMap<>();
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final Deque<AwsServiceException> upcomingFaults = new ArrayDeque<>();
  private final AwsJsonServer server;

  TestingStepFunctions() {
    server =
        AwsJsonServer.builder("AWSStepFunctions", "1.0")
            .operation("SendTaskSuccess", r -> answer("SendTaskSuccess", r, true))
            .operation("SendTaskFailure", r -> answer("SendTaskFailure", r, true))
            .operation("SendTaskHeartbeat", r -> answer("SendTaskHeartbeat", r, false))
            .start();
  }

  String endpoint() {
    return server.endpoint();
  }

  /** A new waiting task's token, unguessable as AWS's are. */
  String issueToken() {
    String token = "token-" + UUID.randomUUID();
    tokens.put(token, TokenState.WAITING);
    return token;
  }

  /** From now on every call with this token is refused with this AWS error code. */
  void refuse(String token, String errorCode) {
    refusals.put(token, errorCode);
  }

  /** The next calls fail with these errors (throttling, 5xx), in order, before any is served. */
  synchronized void failNext(int times, String code, int httpStatus) {
    for (int i = 0; i < times; i++) {
      upcomingFaults.add(new AwsServiceException(code, httpStatus, "Injected " + code));
    }
  }

  List<Answer> answers() {
    return new ArrayList<>(answers);
  }

  List<Answer> accepted(String operation) {
    return answers.stream().filter(a -> a.accepted() && a.operation().equals(operation)).toList();
  }

  List<Answer> acceptedFor(String token) {
    return answers.stream().filter(a -> a.accepted() && a.token().equals(token)).toList();
  }

  long heartbeats(String token) {
    return answers.stream()
        .filter(
            a ->
                a.accepted()
                    && a.token().equals(token)
                    && a.operation().equals("SendTaskHeartbeat"))
        .count();
  }

  private JsonNode answer(String operation, JsonNode request, boolean closes) {
    synchronized (this) {
      AwsServiceException fault = upcomingFaults.poll();
      if (fault != null) {
        throw fault;
      }
    }
    String token = new RequestFields(request).requiredString("taskToken");
    if (operation.equals("SendTaskFailure")) {
      // AWS's documented limits, so that the worker's truncation is checked.
      if (request.path("error").asText().length() > 256
          || request.path("cause").asText().length() > 32768) {
        throw AwsServiceException.validation("error or cause too long");
      }
    }
    if (operation.equals("SendTaskSuccess")
        && request.path("output").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            > 262_144) {
      // AWS's 256 KiB payload limit, as SendTaskSuccess answers it.
      throw new AwsServiceException("InvalidOutput", "The output exceeds 262144 bytes");
    }
    String refusal = refusals.get(token);
    boolean accepted;
    synchronized (tokens) {
      TokenState state = tokens.get(token);
      if (refusal == null && state == null) {
        refusal = "InvalidToken";
      } else if (refusal == null && state == TokenState.CLOSED) {
        refusal = "TaskTimedOut";
      }
      accepted = refusal == null;
      if (accepted && closes) {
        tokens.put(token, TokenState.CLOSED);
      }
    }
    answers.add(new Answer(operation, token, request, accepted));
    if (!accepted) {
      throw new AwsServiceException(refusal, "Refused: " + refusal + " for the task token");
    }
    return AwsJson.MAPPER.createObjectNode();
  }

  @Override
  public void close() {
    server.close();
  }
}
