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
 * The loopback ports of the four AWS services. With a data directory they are remembered there and
 * reused, so that queue URLs, endpoints and S3 locations stored before a restart (in ComputeTarget
 * status, in workers' settings) still reach the same services after it.
 */
record AwsPorts(int stepFunctions, int events, int sqs, int s3) {
  static final String FILE_NAME = "aws-ports.properties";

  /** {@code base}, base+1, base+2, base+3; or free ports when base is 0. */
  static AwsPorts choose(int base) {
    return base == 0
        ? new AwsPorts(freePort(), freePort(), freePort(), freePort())
        : new AwsPorts(base, base + 1, base + 2, base + 3);
  }

  /**
   * The ports the directory remembers (unless a base port is asked for), else new ones, which are
   * then remembered.
   */
  static AwsPorts remembered(Path dataDir, int base) {
    Path file = dataDir.resolve(FILE_NAME);
    if (base == 0 && Files.exists(file)) {
      Properties saved = new Properties();
      AwsPorts ports;
      try (Reader in = Files.newBufferedReader(file)) {
        saved.load(in);
        String s3 = saved.getProperty("s3");
        ports =
            new AwsPorts(
                Integer.parseInt(saved.getProperty("stepfunctions")),
                Integer.parseInt(saved.getProperty("eventbridge")),
                Integer.parseInt(saved.getProperty("sqs")),
                // a directory from before S3 was served: S3 gets a free port, remembered from now
                // on
                s3 == null ? 0 : Integer.parseInt(s3));
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
      if (ports.s3 != 0) {
        return ports;
      }
      return remember(file, new AwsPorts(ports.stepFunctions, ports.events, ports.sqs, freePort()));
    }
    return remember(file, choose(base));
  }

  private static AwsPorts remember(Path file, AwsPorts chosen) {
    Properties saved = new Properties();
    saved.setProperty("stepfunctions", String.valueOf(chosen.stepFunctions));
    saved.setProperty("eventbridge", String.valueOf(chosen.events));
    saved.setProperty("sqs", String.valueOf(chosen.sqs));
    saved.setProperty("s3", String.valueOf(chosen.s3));
    try {
      Files.createDirectories(file.getParent());
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
