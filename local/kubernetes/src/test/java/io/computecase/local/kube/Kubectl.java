package io.computecase.local.kube;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the real kubectl binary against a kubeconfig (tests skip when kubectl is absent). */
final class Kubectl {

  private final Path kubeconfig;

  Kubectl(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  static void assumeInstalled() {
    Assumptions.assumeTrue(binary() != null, "kubectl is not on PATH");
  }

  /** What one kubectl run printed. */
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  Result run(String... args) {
    Process process = start(args);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errReader = copy(process.getErrorStream(), err);
      process.getInputStream().transferTo(out);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
      }
      errReader.join();
      return new Result(
          process.exitValue(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A long-running kubectl (e.g. get -w) whose output accumulates in {@link Running#out()}. */
  Running background(String... args) {
    Process process = start(args);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    copy(process.getInputStream(), out);
    copy(process.getErrorStream(), err);
    return new Running(process, out, err);
  }

  /** A kubectl process still running; close() kills it. */
  record Running(Process process, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr)
      implements AutoCloseable {
    String out() {
      synchronized (stdout) {
        return stdout.toString(StandardCharsets.UTF_8);
      }
    }

    String err() {
      synchronized (stderr) {
        return stderr.toString(StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private Process start(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("HOME", kubeconfig.getParent().toString());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Thread copy(InputStream in, ByteArrayOutputStream sink) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  synchronized (sink) {
                    sink.write(buffer, 0, n);
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static Path binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
