package io.computecase.local.kube.validation;

/** One field-level reason a request is invalid, as a Status cause (field, reason, message). */
public record Cause(String field, String reason, String message) {}
