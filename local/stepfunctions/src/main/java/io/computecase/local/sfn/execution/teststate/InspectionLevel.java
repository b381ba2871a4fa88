package io.computecase.local.sfn.execution.teststate;

/**
 * How much TestState tells: INFO the outcome only; DEBUG also every stage of the input and output
 * processing; TRACE also the HTTP request and response of an HTTP Task (which this engine does not
 * serve, so TRACE tells what DEBUG tells).
 */
public enum InspectionLevel {
  INFO,
  DEBUG,
  TRACE
}
