package io.computecase.helm.chart;

import java.util.List;
import java.util.Map;

/** The value sets every chart test renders: the chart's defaults and every feature switched on. */
public enum ChartValues {
  DEFAULTS,
  FULL;

  public RenderedChart render() {
    return switch (this) {
      case DEFAULTS -> RenderedChart.withDefaults();
      case FULL -> RenderedChart.render(List.of(ChartSources.valuesFile("full.yaml")), Map.of());
    };
  }
}
