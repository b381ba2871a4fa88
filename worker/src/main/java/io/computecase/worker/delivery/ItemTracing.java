package io.computecase.worker.delivery;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * One span per item, continuing the trace whose W3C {@code traceparent} the operator put in the
 * item's event, so a case's trace shows every item's computation under its execution.
 */
public final class ItemTracing {
  private static final TextMapGetter<String> TRACEPARENT =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
          return "traceparent".equals(key) ? carrier : null;
        }
      };

  private final Tracer tracer;
  private final String workerId;

  public ItemTracing(OpenTelemetry openTelemetry, String workerId) {
    this.tracer = openTelemetry.getTracer("io.computecase.worker");
    this.workerId = workerId;
  }

  public Span start(ItemEvent event, String computation) {
    Context parent =
        event.traceparent().isEmpty()
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), event.traceparent(), TRACEPARENT);
    return tracer
        .spanBuilder("computecase.item " + computation)
        .setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute("messaging.system", "aws_sqs")
        .setAttribute("messaging.message.id", event.messageId())
        .setAttribute("computecase.request_id", event.requestId())
        .setAttribute("computecase.target", event.target())
        .setAttribute("computecase.index", event.index())
        .setAttribute("computecase.worker", workerId)
        .setAttribute("computecase.receive_count", event.receiveCount())
        .startSpan();
  }
}
