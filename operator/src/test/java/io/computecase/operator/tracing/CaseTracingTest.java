package io.computecase.operator.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A case's trace: the start span's context travels in the execution input as traceparent. */
class CaseTracingTest {
  private static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();
  private static OperatorTestStack stack;
  private static OpenTelemetrySdk otel;

  @BeforeAll
  static void start() {
    SpanExporter collecting =
        new SpanExporter() {
          @Override
          public CompletableResultCode export(Collection<SpanData> spans) {
            SPANS.addAll(spans);
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(collecting))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    stack = new OperatorTestStack();
    stack.startOperator(stack.config(), otel);
  }

  @AfterAll
  static void stop() {
    stack.close();
    otel.close();
  }

  @Test
  void theExecutionInputCarriesTheStartSpansTraceparent() throws Exception {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(2));
    ComputeCase created = stack.create("traced", spec);
    ComputeCase running = stack.awaitCase("traced", c -> c.getStatus().getStartTime() != null);
    String input = stack.executionOf(running).orElseThrow().input;
    String traceparent =
        new ObjectMapper().readTree(input).path("request").path("traceparent").asText();

    await().atMost(Duration.ofSeconds(10)).until(() -> !SPANS.isEmpty());
    SpanData span = SPANS.get(0);
    assertThat(span.getName()).isEqualTo("ComputeCase start traced");
    assertThat(span.getTraceId()).isEqualTo(created.getMetadata().getUid().replace("-", ""));
    assertThat(span.getAttributes().asMap().toString())
        .contains(running.getStatus().getExecutionArn());
    assertThat(traceparent).isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
  }
}
