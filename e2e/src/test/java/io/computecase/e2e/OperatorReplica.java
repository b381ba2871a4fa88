package io.computecase.e2e;

import io.computecase.local.stack.EmbeddedStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the operator as production runs it: the operator jar's own main in its own JVM,
 * configured only through its environment (as the chart's Deployment sets it), with Lease leader
 * election on the real API server. Its output goes to {@code target/<name>.log}.
 */
final class OperatorReplica implements AutoCloseable {
  static final String LEASE_NAMESPACE = "computecase-system";
  static final String LEASE_NAME = "computecase-operator";

  final String name;
  final Path log;
  private final Process process;

  private OperatorReplica(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  static OperatorReplica start(
      String name, RealCluster cluster, EmbeddedStack stack, int leaseSeconds) {
    Path jar = RealCluster.repo().resolve("operator/target/computecase-operator.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build it first (mvn -DskipTests package)");
    }
    Path log = RealCluster.repo().resolve("e2e/target/" + name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder
        .environment()
        .putAll(
            Map.ofEntries(
                Map.entry("KUBECONFIG", cluster.kubeconfig().toString()),
                Map.entry("AWS_REGION", EmbeddedStack.REGION),
                Map.entry("AWS_ACCESS_KEY_ID", "local"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "local"),
                Map.entry(
                    "COMPUTECASE_SFN_ENDPOINT", stack.aws().stepFunctionsEndpoint().toString()),
                Map.entry("COMPUTECASE_EVENTS_ENDPOINT", stack.aws().eventsEndpoint().toString()),
                Map.entry("COMPUTECASE_SQS_ENDPOINT", stack.aws().sqsEndpoint().toString()),
                Map.entry("COMPUTECASE_S3_ENDPOINT", stack.aws().s3Endpoint().toString()),
                Map.entry("COMPUTECASE_S3_BUCKET", EmbeddedStack.BUCKET),
                Map.entry("COMPUTECASE_LEADER_ELECTION", "true"),
                Map.entry("COMPUTECASE_LEASE_DURATION_SECONDS", Integer.toString(leaseSeconds)),
                Map.entry("COMPUTECASE_HTTP_PORT", "0"),
                Map.entry("POD_NAME", name),
                Map.entry("POD_NAMESPACE", LEASE_NAMESPACE)));
    try {
      return new OperatorReplica(name, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + jar, e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  boolean alive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  /** kill -9: no shutdown hook, no Lease release, as a node that vanishes. */
  void killHard() {
    process.destroyForcibly();
  }

  /** SIGSTOP or SIGCONT: a replica that stalls (a long pause, a partition), then resumes. */
  void signal(String signal) {
    RealCluster.Result sent =
        RealCluster.exec(
            List.of("kill", "-" + signal, Long.toString(process.pid())), Map.of(), null);
    if (sent.exit() != 0) {
      throw new IllegalStateException(
          "kill -" + signal + " " + process.pid() + ": " + sent.output());
    }
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      signal("CONT");
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
