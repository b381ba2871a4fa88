package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.tokens.ResumableWait;
import java.util.Map;

/**
 * Where a running execution stands, as a snapshot keeps it: the state its top-level frame is in,
 * that state's input, the frame's variables, its last history event, and the task it waits on.
 */
public record ExecutionPosition(
    String state,
    JsonNode input,
    Map<String, JsonNode> variables,
    long lastEventId,
    ResumableWait waitingTask) {}
