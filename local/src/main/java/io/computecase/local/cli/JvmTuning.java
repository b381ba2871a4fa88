package io.computecase.local.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the command line in a JVM tuned for the embedded stack: client compiler only, and the
 * parallel collector.
 *
 * <p>The stack runs the hot paths of a dozen large libraries (Pekko, Vert.x, the AWS SDK, fabric8,
 * Jackson) at once. On a small machine the optimizing compiler spent more CPU compiling them,
 * minutes on end, than the stack spent on its work: measured on 2 cores, a 1,000-item case used 12
 * s of CPU of which 11.5 s was compilation, and {@code -XX:TieredStopAtLevel=1} cut it to 4 s, with
 * 10,000-item throughput up from 690 to 850 items/s. G1's write barriers and concurrent refinement
 * then cost about 8% of the CPU per item that the throughput collectors don't (serial and parallel
 * measured alike; parallel also collects a large old generation on every core).
 *
 * <p>A launcher script would pass the flags; a jar run with {@code java -jar} has none, so the
 * command starts itself once more with them. A JVM started with its own TieredStopAtLevel, or with
 * COMPUTECASE_LOCAL_JVM_TUNING=off, is used as it is; one started with its own collector keeps it.
 */
final class JvmTuning {
  static final String COMPILER = "-XX:TieredStopAtLevel=1";
  static final String COLLECTOR = "-XX:+UseParallelGC";
  private static final String SWITCH = "COMPUTECASE_LOCAL_JVM_TUNING";

  private JvmTuning() {}

  /**
   * The command that runs {@code mainClass} with {@code args} in a tuned JVM, if this one isn't.
   */
  static Optional<List<String>> relaunchCommand(String mainClass, String[] args) {
    if ("off".equals(System.getenv(SWITCH))) {
      return Optional.empty();
    }
    List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    if (jvmArguments.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel"))) {
      return Optional.empty();
    }
    Optional<String> java = ProcessHandle.current().info().command();
    String classPath = System.getProperty("java.class.path");
    if (java.isEmpty() || classPath == null || classPath.isEmpty()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.add(COMPILER);
    if (jvmArguments.stream().noneMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"))) {
      command.add(COLLECTOR);
    }
    command.addAll(jvmArguments);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /**
   * Runs {@code command} with this process's terminal and environment and returns its exit code. A
   * stop of this process (Ctrl-C, SIGTERM) stops the child first, so the stack shuts down as it
   * would have in this JVM.
   */
  static int run(List<String> command) {
    Process child;
    try {
      child = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    Thread stopChild =
        new Thread(
            () -> {
              child.destroy();
              try {
                child.waitFor();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "stop-tuned-jvm");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      int exit = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stopChild);
      return exit;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroy();
      return 130;
    } catch (IllegalStateException shuttingDown) {
      return 130;
    }
  }
}
