package io.computecase.local.sfn.integration;

import com.fasterxml.jackson.databind.JsonNode;

/** One call a Task makes to a service: the action, its pattern, its parameters and its caller. */
public record TaskCall(
    String action,
    IntegrationPattern pattern,
    JsonNode parameters,
    String executionArn,
    String stateMachineArn,
    String region,
    String accountId) {}
