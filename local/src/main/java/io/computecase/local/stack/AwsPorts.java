package io.computecase.local.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The loopback ports of the three AWS services. With a data directory they are remembered there and
 * reused, so that queue URLs and endpoints stored before a restart (in ComputeTarget status, in
 * workers' settings) still reach the same services after it.
 */
record AwsPorts(int stepFunctions, int events, int sqs) {
  static final String FILE_NAME = "aws-ports.properties";

  /** {@code base}, base+1, base+2; or free ports when base is 0. */
  static AwsPorts choose(int base) {
    return base == 0
        ? new AwsPorts(freePort(), freePort(), freePort())
        : new AwsPorts(base, base + 1, base + 2);
  }

  /**
   * The ports the directory remembers (unless a base port is asked for), else new ones, which are
   * then remembered.
   */
  static AwsPorts remembered(Path dataDir, int base) {
    Path file = dataDir.resolve(FILE_NAME);
    if (base == 0 && Files.exists(file)) {
      Properties saved = new Properties();
      try (Reader in = Files.newBufferedReader(file)) {
        saved.load(in);
        return new AwsPorts(
            Integer.parseInt(saved.getProperty("stepfunctions")),
            Integer.parseInt(saved.getProperty("eventbridge")),
            Integer.parseInt(saved.getProperty("sqs")));
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException(
            "Cannot read the remembered AWS ports from "
                + file.toAbsolutePath()
                + " ("
                + e.getMessage()
                + "); fix it, or delete it to choose new ports (queue URLs stored before will not"
                + " reach the new ones)",
            e);
      }
    }
    AwsPorts chosen = choose(base);
    Properties saved = new Properties();
    saved.setProperty("stepfunctions", String.valueOf(chosen.stepFunctions));
    saved.setProperty("eventbridge", String.valueOf(chosen.events));
    saved.setProperty("sqs", String.valueOf(chosen.sqs));
    try {
      Files.createDirectories(dataDir);
      try (Writer out = Files.newBufferedWriter(file)) {
        saved.store(out, "Ports of the local AWS services, reused on restart");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remember the AWS ports in " + file, e);
    }
    return chosen;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on loopback", e);
    }
  }
}
