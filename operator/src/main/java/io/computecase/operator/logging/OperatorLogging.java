package io.computecase.operator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * The operator's logging, found by logback through ServiceLoader: INFO and above to stdout, as
 * plain text by default or as JSON lines (logback's own JsonEncoder, with the MDC) when
 * COMPUTECASE_LOG_FORMAT=json. A logback.xml on the classpath or -Dlogback.configurationFile wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class OperatorLogging extends ContextAwareBase implements Configurator {
  /** Environment variable choosing the log format: "json" or "text" (the default). */
  public static final String FORMAT_VARIABLE = "COMPUTECASE_LOG_FORMAT";

  static final String TEXT_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} {%mdc} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || getClass().getClassLoader().getResource("logback.xml") != null
        || getClass().getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder(System.getenv(FORMAT_VARIABLE), context));
    console.start();
    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The started encoder for a format name: JSON lines for "json", plain text otherwise. */
  public static Encoder<ILoggingEvent> encoder(String format, LoggerContext context) {
    if (format != null && format.trim().toLowerCase(Locale.ROOT).equals("json")) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // one self-contained line per event: no sequence number, context or raw arguments
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithArguments(false);
      json.setWithMessage(false);
      json.setWithFormattedMessage(true);
      json.start();
      return json;
    }
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setContext(context);
    text.setPattern(TEXT_PATTERN);
    text.start();
    return text;
  }
}
