package io.computecase.worker.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.worker.computation.ComputationFailure;
import io.opentelemetry.api.trace.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one item's task token with its outcome and settles its messages: deleted once the answer
 * is final (accepted, or refused because the task no longer waits), kept for redelivery when the
 * answer could not be delivered.
 */
final class ItemAnswering {
  private static final Logger LOG = LoggerFactory.getLogger(ItemAnswering.class);

  /** Tells the pipeline an item ended; the flag says whether its token's answer is final. */
  interface Finisher {
    void finished(InFlightItem item, boolean answerFinal);
  }

  /** SendTaskSuccess's limit on {@code output}, in bytes of UTF-8. */
  static final int MAX_OUTPUT_BYTES = 256 * 1024;

  private final PipelineParts parts;
  private final ObjectMapper json;
  private final Finisher finisher;

  ItemAnswering(PipelineParts parts, ObjectMapper json, Finisher finisher) {
    this.parts = parts;
    this.json = json;
    this.finisher = finisher;
  }

  void answer(InFlightItem item, JsonNode result, Throwable error, long computeNanos) {
    if (!item.settle(false)) {
      return;
    }
    parts.metrics().observeCompute(computeNanos);
    String token = item.event.taskToken();
    ComputationFailure failure = error == null ? null : ComputationFailure.of(error);
    AnswerOutcome outcome = null;
    if (failure == null) {
      String output = output(item, result, computeNanos / 1_000_000);
      int bytes = output.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_OUTPUT_BYTES) {
        // Step Functions would refuse it with a ValidationException on every redelivery: fail
        // the item now, once, saying why
        failure =
            new ComputationFailure(
                "ComputeCase.ResultTooLarge",
                "the item's result is "
                    + bytes
                    + " bytes of JSON, over the "
                    + MAX_OUTPUT_BYTES
                    + " bytes (256 KiB) SendTaskSuccess takes: return a smaller result, or store it"
                    + " elsewhere (S3, a database) and return where");
      } else {
        outcome = parts.answers().success(token, output);
      }
      if (outcome != null && outcome.kind() == AnswerOutcome.Kind.INVALID_OUTPUT) {
        failure =
            new ComputationFailure(
                "ComputeCase.InvalidOutput",
                "Step Functions refused the result ("
                    + outcome.detail()
                    + "); keep a result under 256 KiB of JSON");
      }
    }
    if (failure != null) {
      outcome = parts.answers().failure(token, failure.error(), failure.getMessage());
    }
    boolean succeeded = failure == null;
    switch (outcome.kind()) {
      case ACCEPTED -> (succeeded ? parts.metrics().succeeded : parts.metrics().failed).increment();
      case REFUSED -> {
        parts.metrics().refused.increment();
        LOG.info(
            "Answer for item {} of {} refused, deleting its message: {}",
            item.event.index(),
            item.event.requestId(),
            outcome.detail());
      }
      default -> {
        parts.metrics().callbackErrors.increment();
        LOG.warn(
            "Answer for item {} of {} not delivered, leaving its message for redelivery: {}",
            item.event.index(),
            item.event.requestId(),
            outcome.detail());
      }
    }
    settle(item, outcome, succeeded ? null : failure.error() + ": " + failure.getMessage());
  }

  /** Heartbeats the task for as long as the item computes, when its case asks for heartbeats. */
  void heartbeatWhileComputing(InFlightItem item) {
    item.event
        .heartbeatSeconds()
        .ifPresent(
            seconds -> {
              // Twice per interval, so one slow heartbeat does not let the task time out.
              long everyMs = Math.max(250L, seconds * 1000L / 2);
              item.timer(
                  parts
                      .scheduler()
                      .scheduleAtFixedRate(
                          () -> parts.upkeep().execute(() -> heartbeat(item)),
                          everyMs,
                          everyMs,
                          TimeUnit.MILLISECONDS));
            });
  }

  /** Keeps the task alive; a refused heartbeat means nobody waits for the item any more. */
  void heartbeat(InFlightItem item) {
    AnswerOutcome outcome = parts.answers().heartbeat(item.event.taskToken());
    if (outcome.kind() == AnswerOutcome.Kind.REFUSED && item.settle(true)) {
      parts.metrics().refused.increment();
      LOG.info(
          "Heartbeat for item {} of {} refused, abandoning it: {}",
          item.event.index(),
          item.event.requestId(),
          outcome.detail());
      settle(item, outcome, "heartbeat refused: " + outcome.detail());
    }
  }

  void answerMalformed(String token, String receiptHandle, String reason) {
    parts.metrics().malformed.increment();
    AnswerOutcome outcome = parts.answers().failure(token, "ComputeCase.MalformedItem", reason);
    if (outcome.isFinal()) {
      if (outcome.kind() == AnswerOutcome.Kind.REFUSED) {
        parts.metrics().refused.increment();
      }
      parts.messages().delete(receiptHandle);
    } else {
      parts.metrics().callbackErrors.increment();
    }
  }

  private void settle(InFlightItem item, AnswerOutcome outcome, String errorDescription) {
    if (outcome.isFinal()) {
      item.receiptHandles().forEach(parts.messages()::delete);
    }
    item.span.setAttribute("computecase.answer", outcome.kind().name());
    if (errorDescription != null) {
      item.span.setStatus(StatusCode.ERROR, errorDescription);
    }
    item.span.end();
    finisher.finished(item, outcome.isFinal());
  }

  private String output(InFlightItem item, JsonNode result, long durationMs) {
    ObjectNode output = json.createObjectNode();
    output.put("index", item.event.index());
    JsonNode caseId = item.event.item().get("caseId");
    if (caseId != null && !caseId.isNull()) {
      output.set("caseId", caseId);
    }
    output.set("result", result);
    output.put("durationMs", durationMs);
    output.put("worker", parts.workerId());
    try {
      return json.writeValueAsString(output);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serializes", e);
    }
  }
}
