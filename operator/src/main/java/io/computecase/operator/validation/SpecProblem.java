package io.computecase.operator.validation;

/**
 * What is wrong with a ComputeCase spec: a CamelCase reason for the condition, and a message that
 * names the field and says how to fix it.
 */
public record SpecProblem(String reason, String message) {}
