package io.computecase.operator.tracing;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.operator.execution.ExecutionNames;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.function.Supplier;

/**
 * One trace per ComputeCase: its trace id is derived from the resource's uid, so every operator
 * replica and restart adds to the same trace. The span that starts the execution hands its context
 * (W3C traceparent) to the execution input, and from there to each item's event and the worker that
 * computes it.
 */
public final class CaseTracing {
  private final Tracer tracer;

  public CaseTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("io.computecase.operator");
  }

  /**
   * Runs the start of a case's execution inside a span, giving the work its traceparent; when
   * tracing is off the traceparent still names the case's trace, derived from its uid.
   */
  public <T> T startExecution(ComputeCase cc, String executionArn, TracedStart<T> start) {
    String derived = ExecutionNames.traceparent(cc);
    Context parent = Context.root();
    if (!derived.isEmpty()) {
      String[] parts = derived.split("-");
      SpanContext caseContext =
          SpanContext.createFromRemoteParent(
              parts[1], parts[2], TraceFlags.getSampled(), TraceState.getDefault());
      parent = parent.with(Span.wrap(caseContext));
    }
    Span span =
        tracer
            .spanBuilder("ComputeCase start " + cc.getMetadata().getName())
            .setParent(parent)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("computecase.namespace", cc.getMetadata().getNamespace())
            .setAttribute("computecase.name", cc.getMetadata().getName())
            .setAttribute("aws.stepfunctions.execution_arn", executionArn)
            .startSpan();
    try {
      SpanContext context = span.getSpanContext();
      String traceparent =
          context.isValid()
              ? "00-"
                  + context.getTraceId()
                  + "-"
                  + context.getSpanId()
                  + "-"
                  + context.getTraceFlags().asHex()
              : derived;
      return start.run(() -> traceparent);
    } catch (RuntimeException e) {
      span.recordException(e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** The traced work, given the traceparent to carry. */
  @FunctionalInterface
  public interface TracedStart<T> {
    T run(Supplier<String> traceparent);
  }
}
