package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracingTest {
  private final TestingStack stack = new TestingStack();
  private final List<SpanData> spans = new CopyOnWriteArrayList<>();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(
                      SimpleSpanProcessor.create(
                          new SpanExporter() {
                            @Override
                            public CompletableResultCode export(Collection<SpanData> batch) {
                              spans.addAll(batch);
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
                          }))
                  .build())
          .build();

  @AfterEach
  void close() {
    stack.close();
    otel.close();
  }

  @Test
  void eachItemsSpanContinuesTheTraceCarriedInItsEvent() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String parentSpanId = "00f067aa0ba902b7";
    stack.sendItem(
        2,
        TestingStack.json("{\"caseId\":\"2\"}"),
        TestingStack.json("{\"computeMs\": 0, \"failIndexes\": [2]}"),
        stack.sfn.issueToken(),
        "00-" + traceId + "-" + parentSpanId + "-01");
    stack.start(stack.workerConfig("w1").openTelemetry(otel));

    await().atMost(Duration.ofSeconds(20)).until(() -> !spans.isEmpty());
    SpanData span = spans.get(0);
    assertThat(span.getTraceId()).isEqualTo(traceId);
    assertThat(span.getParentSpanId()).isEqualTo(parentSpanId);
    assertThat(span.getName()).isEqualTo("computecase.item simulate");
    assertThat(span.getAttributes().asMap().toString())
        .contains("computecase.index=2")
        .contains("w1");
    assertThat(span.getStatus().getDescription()).contains("ComputeCase.SimulatedFailure");
  }
}
