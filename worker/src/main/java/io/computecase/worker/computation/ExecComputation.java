package io.computecase.worker.computation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs the image's own program once per item ({@code COMPUTECASE_EXEC_COMMAND}, through {@code sh
 * -c}): the item with its case's parameters as JSON on stdin, the result as JSON on stdout. A
 * non-zero exit fails the item with the tail of stderr as cause; a run longer than {@code
 * parameters.execTimeoutSeconds} (default {@code COMPUTECASE_EXEC_TIMEOUT_SECONDS}, at most {@code
 * COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS}) is killed with its children. Standard streams go through
 * files, so a running program costs no worker thread; stdout over 256 KiB is never read. The
 * program sees an allow-listed environment ({@link ExecSettings#programEnvironment}).
 */
public final class ExecComputation implements Computation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STDERR_TAIL_BYTES = 4096;

  /** The most stdout read as a result: SendTaskSuccess takes 256 KiB of output at most. */
  static final long MAX_STDOUT_BYTES = 256 * 1024;

  @Override
  public String name() {
    return "exec";
  }

  @Override
  public CompletableFuture<JsonNode> compute(ComputationInput input, ComputationEnvironment env) {
    ExecSettings exec = env.exec();
    String command =
        exec.command()
            .orElseThrow(
                () ->
                    new ComputationFailure(
                        "ComputeCase.ExecNotConfigured",
                        "The exec computation needs the command to run: set"
                            + " COMPUTECASE_EXEC_COMMAND (or --exec-command) on the worker"));
    long timeoutSeconds =
        input.longParameter("execTimeoutSeconds", exec.defaultTimeout().toSeconds());
    if (timeoutSeconds < 1) {
      throw new ComputationFailure(
          "ComputeCase.InvalidParameter",
          "parameters.execTimeoutSeconds must be at least 1 but is " + timeoutSeconds);
    }
    if (timeoutSeconds > exec.maxTimeout().toSeconds()) {
      throw new ComputationFailure(
          "ComputeCase.InvalidParameter",
          "parameters.execTimeoutSeconds is "
              + timeoutSeconds
              + ", over this target's limit of "
              + exec.maxTimeout().toSeconds()
              + " s: ask for less, or raise the ComputeTarget's"
              + " spec.computation.execMaxTimeoutSeconds");
    }
    Path dir;
    Process process;
    try {
      dir = Files.createTempDirectory("computecase-exec-");
      Path stdin = dir.resolve("stdin.json");
      JSON.writeValue(stdin.toFile(), stdinDocument(input));
      ProcessBuilder builder =
          new ProcessBuilder("/bin/sh", "-c", command)
              .redirectInput(stdin.toFile())
              .redirectOutput(dir.resolve("stdout").toFile())
              .redirectError(dir.resolve("stderr").toFile());
      // only what the target allows: the worker's own credentials stay with the worker
      builder.environment().clear();
      builder.environment().putAll(exec.programEnvironment(System.getenv()));
      builder.environment().put("COMPUTECASE_REQUEST_ID", String.valueOf(input.requestId()));
      builder.environment().put("COMPUTECASE_ITEM_INDEX", Long.toString(input.index()));
      process = builder.start();
    } catch (IOException e) {
      throw new ComputationFailure(
          "ComputeCase.ExecFailed", "Cannot start '" + command + "': " + e.getMessage());
    }
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> limit =
        env.scheduler()
            .schedule(
                () -> {
                  timedOut.set(true);
                  kill(process);
                },
                timeoutSeconds,
                TimeUnit.SECONDS);
    process
        .onExit()
        .thenAcceptAsync(
            exited -> {
              limit.cancel(false);
              try {
                result.complete(
                    outcome(exited, dir, timedOut.get(), Duration.ofSeconds(timeoutSeconds)));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              } finally {
                deleteQuietly(dir);
              }
            },
            env.cpuExecutor());
    result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            kill(process);
          }
        });
    return result;
  }

  private static ObjectNode stdinDocument(ComputationInput input) {
    ObjectNode document = JSON.createObjectNode();
    document.put("requestId", input.requestId());
    document.put("target", input.target());
    document.put("index", input.index());
    document.set("item", input.item());
    document.set("parameters", input.parameters());
    return document;
  }

  private static JsonNode outcome(Process exited, Path dir, boolean timedOut, Duration limit) {
    if (timedOut) {
      throw new ComputationFailure(
          "ComputeCase.ExecTimedOut",
          "Killed after the time limit of "
              + limit.toSeconds()
              + " s (parameters.execTimeoutSeconds); stderr tail: "
              + tail(dir.resolve("stderr")));
    }
    if (exited.exitValue() != 0) {
      throw new ComputationFailure(
          "ComputeCase.ExecFailed",
          "Exit code " + exited.exitValue() + "; stderr tail: " + tail(dir.resolve("stderr")));
    }
    String stdout;
    try {
      long size = Files.size(dir.resolve("stdout"));
      if (size > MAX_STDOUT_BYTES) {
        // never read into memory: a result that large could not be answered anyway
        throw new ComputationFailure(
            "ComputeCase.ExecOutputTooLarge",
            "The program printed "
                + size
                + " bytes on stdout, over the "
                + MAX_STDOUT_BYTES
                + " bytes (256 KiB) a result may have: print a smaller result, or store it"
                + " elsewhere (S3, a database) and print where");
      }
      stdout = Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (stdout.isEmpty()) {
      throw new ComputationFailure(
          "ComputeCase.ExecInvalidOutput",
          "The program exited 0 but printed nothing; it must print its result as JSON on stdout");
    }
    try {
      return JSON.readTree(stdout);
    } catch (JsonProcessingException e) {
      throw new ComputationFailure(
          "ComputeCase.ExecInvalidOutput",
          "stdout is not JSON ("
              + e.getOriginalMessage()
              + "); it starts with: "
              + stdout.substring(0, Math.min(200, stdout.length())));
    }
  }

  private static String tail(Path file) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      long start = Math.max(0, length - STDERR_TAIL_BYTES);
      byte[] bytes = new byte[(int) (length - start)];
      in.seek(start);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(stderr unreadable: " + e.getMessage() + ")";
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
