package io.computecase.helm.chart;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value sets every chart test renders: the chart's defaults, every feature switched on, and
 * every feature with the chart running the targets' workers itself.
 */
public enum ChartValues {
  DEFAULTS,
  FULL,
  FULL_WITH_CHART_WORKERS;

  /** Renders once per value set: a RenderedChart is immutable and Helm's engine is not free. */
  private static final Map<ChartValues, RenderedChart> RENDERED = new ConcurrentHashMap<>();

  public RenderedChart render() {
    return RENDERED.computeIfAbsent(this, ChartValues::renderNow);
  }

  private RenderedChart renderNow() {
    return switch (this) {
      case DEFAULTS -> RenderedChart.withDefaults();
      case FULL -> RenderedChart.render(List.of(ChartSources.valuesFile("full.yaml")), Map.of());
      case FULL_WITH_CHART_WORKERS ->
          RenderedChart.render(
              List.of(ChartSources.valuesFile("full.yaml")), Map.of("targetsAs", "Deployment"));
    };
  }
}
