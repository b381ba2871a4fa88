package io.computecase.local.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Where log lines go. A command prints its own lines; the operator's, the engines' and the
 * libraries' logs (JOSDK, fabric8, ElasticMQ, Pekko, OpenTelemetry) go to a file that the command
 * names once on stderr, unless {@code --verbose} asks for them on stderr. slf4j-simple reads its
 * settings at the first logger, so this runs before any command class is built.
 */
final class CommandLogging {
  static final String VERBOSE = "--verbose";

  /** The commands that start engines; help, version and unknown commands log nothing. */
  private static final Set<String> LOGGING_COMMANDS =
      Set.of("demo", "bench", "bench-engine", "serve-aws", "up");

  /** Commands that only talk to a running stack or cluster: no log file, libraries quiet. */
  private static final Set<String> QUIET_CLIENT_COMMANDS = Set.of("results");

  private static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private CommandLogging() {}

  /**
   * Routes logging for the command line {@code args}; returns the log file, empty when the logs
   * stay on stderr.
   */
  static Optional<Path> configure(String[] args) {
    List<String> words = List.of(args);
    // java.util.logging joins SLF4J in both cases, so its lines keep one format and one place
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    if (!words.isEmpty()
        && QUIET_CLIENT_COMMANDS.contains(words.get(0))
        && !words.contains(VERBOSE)) {
      // a client's output is its data (JSON Lines): only errors of the libraries it uses show
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
      return Optional.empty();
    }
    if (words.isEmpty()
        || !LOGGING_COMMANDS.contains(words.get(0))
        || words.contains(VERBOSE)
        || System.getProperty(LOG_FILE) != null) {
      return Optional.empty();
    }
    Path file = logFile(words);
    System.setProperty(LOG_FILE, file.toString());
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    return Optional.of(file);
  }

  /**
   * In the data directory when the command has one, so a stack's log lives with its state;
   * otherwise a new file only its user can read (logs name task tokens and queue URLs).
   */
  static Path logFile(List<String> words) {
    try {
      Optional<Path> dataDir = optionValue(words, "--data-dir").map(Path::of);
      if (dataDir.isPresent()) {
        if (!Files.isDirectory(dataDir.get())) {
          Files.createDirectories(
              dataDir.get(),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path file = dataDir.get().resolve("computecase-local.log");
        // made, or narrowed, before slf4j-simple opens it: its own open would take the umask
        if (Files.exists(file)) {
          Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return file;
      }
      return Files.createTempFile("computecase-local-" + words.get(0) + "-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the log file: " + e.getMessage(), e);
    }
  }

  private static Optional<String> optionValue(List<String> words, String name) {
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.startsWith(name + "=")) {
        return Optional.of(word.substring(name.length() + 1));
      }
      if (word.equals(name) && i + 1 < words.size()) {
        return Optional.of(words.get(i + 1));
      }
    }
    return Optional.empty();
  }
}
