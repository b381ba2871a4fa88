package io.computecase.local.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium run headless on a local file, isolated from the network and from any profile.
 */
final class HeadlessChromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 90;

  private final Path workDir;

  /** Runs with a fresh user-data folder under {@code workDir} for every call. */
  HeadlessChromium(Path workDir) {
    this.workDir = workDir;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** The DOM of {@code page} after Chromium parsed and laid it out. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    Path dom = workDir.resolve("dom-" + System.nanoTime() + ".html");
    run(List.of("--dump-dom", page.toUri().toString()), dom);
    return Files.readString(dom, StandardCharsets.UTF_8);
  }

  /** A PNG of {@code page} in a {@code width x height} window. */
  Path screenshot(Path page, int width, int height) throws IOException, InterruptedException {
    Path png = workDir.resolve("shot-" + System.nanoTime() + ".png");
    run(
        List.of(
            "--screenshot=" + png,
            "--window-size=" + width + "," + height,
            "--force-device-scale-factor=1",
            "--hide-scrollbars",
            page.toUri().toString()),
        workDir.resolve("shot.out"));
    return png;
  }

  private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "profile-");
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    command.addAll(args);
    Path stderr = workDir.resolve("chromium-" + System.nanoTime() + ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError(
            "chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "chromium exited with "
                + process.exitValue()
                + ": "
                + command
                + "\n"
                + Files.readString(stderr));
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
