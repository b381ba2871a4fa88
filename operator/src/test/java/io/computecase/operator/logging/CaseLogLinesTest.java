package io.computecase.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.reconciler.ComputeCaseReconciler;
import io.computecase.operator.testing.OperatorTestStack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The reconciler's log lines carry the case's name, namespace and execution ARN: as JSON lines
 * (COMPUTECASE_LOG_FORMAT=json) in an "mdc" object, and in plain text as key=value pairs.
 */
class CaseLogLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OperatorTestStack stack;

  @BeforeAll
  static void start() {
    stack = new OperatorTestStack();
    stack.startOperator();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void theOperatorsOwnConfigurationIsTheActiveOne() {
    Logger root = context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("console")).as("OperatorLogging's console appender").isNotNull();
    assertThat(root.getLevel().toString()).isEqualTo("INFO");
  }

  @Test
  void aJsonLineNamesTheCaseItsNamespaceAndItsExecution() throws Exception {
    ByteArrayOutputStream out = capture("json");
    ComputeCase cc = startCase("logged-json");

    String line = awaitLine(out, "Started execution");
    JsonNode event = JSON.readTree(line);
    assertThat(event.path("level").asText()).isEqualTo("INFO");
    assertThat(event.path("loggerName").asText()).isEqualTo(ComputeCaseReconciler.class.getName());
    assertThat(event.path("formattedMessage").asText())
        .isEqualTo("Started execution " + cc.getStatus().getExecutionArn());
    JsonNode mdc = event.path("mdc");
    assertThat(mdc.path("case").asText()).isEqualTo("logged-json");
    assertThat(mdc.path("namespace").asText()).isEqualTo(OperatorTestStack.NAMESPACE);
    assertThat(mdc.path("executionArn").asText()).isEqualTo(cc.getStatus().getExecutionArn());
  }

  @Test
  void aTextLineCarriesTheSameFields() throws Exception {
    ByteArrayOutputStream out = capture("text");
    ComputeCase cc = startCase("logged-text");

    String line = awaitLine(out, "Started execution");
    assertThat(line)
        .contains("case=logged-text")
        .contains("namespace=" + OperatorTestStack.NAMESPACE)
        .contains("executionArn=" + cc.getStatus().getExecutionArn())
        .contains(" INFO ");
  }

  private static ComputeCase startCase(String name) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(2));
    stack.create(name, spec);
    return stack.awaitCase(name, c -> c.getStatus().getStartTime() != null);
  }

  /** Adds an appender with the operator's encoder for this format to the reconciler's logger. */
  private static ByteArrayOutputStream capture(String format) {
    LoggerContext context = context();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("captured-" + format);
    appender.setEncoder(OperatorLogging.encoder(format, context));
    appender.setOutputStream(out);
    appender.start();
    context.getLogger(ComputeCaseReconciler.class).addAppender(appender);
    return out;
  }

  private static String awaitLine(ByteArrayOutputStream out, String text) {
    await().atMost(Duration.ofSeconds(20)).until(() -> line(out, text).isPresent());
    return line(out, text).orElseThrow();
  }

  private static Optional<String> line(ByteArrayOutputStream out, String text) {
    synchronized (out) {
      return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
          .filter(l -> l.contains(text))
          .findFirst();
    }
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }
}
