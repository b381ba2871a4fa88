package io.computecase.local.cli;

import io.computecase.local.stack.EmbeddedStack;
import picocli.CommandLine.Option;

/** Options shared by the commands that start the whole embedded stack. */
final class StackOptions {
  @Option(
      names = "--workers",
      defaultValue = "4",
      description = "Worker replicas of the default target (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--worker-concurrency",
      defaultValue = "250",
      description = "Items each worker computes at once (default: ${DEFAULT-VALUE}).")
  int workerConcurrency;

  EmbeddedStack start() {
    return EmbeddedStack.builder().workers(workers).workerConcurrency(workerConcurrency).start();
  }
}
