package io.computecase.local.report;

import io.computecase.local.report.CaseTimeline.Sample;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Draws a case's timeline as an inline SVG: items completed and items in flight (the concurrency)
 * against elapsed seconds, on one count axis, with ticks and a legend. Elements carry data
 * attributes naming what they show, so a test or a reader's tool can check the drawing.
 */
final class TimelineChart {
  static final String COMPLETED_COLOR = "#1f6fd1";
  static final String IN_FLIGHT_COLOR = "#e8590c";
  private static final int WIDTH = 880;
  private static final int HEIGHT = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 24;
  private static final int TOP = 44;
  private static final int BOTTOM = 56;
  private static final int PLOT_W = WIDTH - LEFT - RIGHT;
  private static final int PLOT_H = HEIGHT - TOP - BOTTOM;

  private final List<Sample> samples;
  private final AxisScale time;
  private final AxisScale count;

  /**
   * A chart of {@code samples}; {@code total} (the case's item count) sets the count axis's height.
   */
  TimelineChart(List<Sample> samples, long total) {
    this.samples = samples;
    double lastSecond = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).elapsedSeconds();
    long highest = total;
    for (Sample s : samples) {
      highest = Math.max(highest, Math.max(s.done(), s.inFlight()));
    }
    this.time = AxisScale.covering(lastSecond);
    this.count = AxisScale.covering(highest);
  }

  String svg() {
    StringBuilder svg = new StringBuilder(4096 + samples.size() * 40);
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" data-chart=\"timeline\""
                + " data-samples=\"%d\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                + " aria-label=\"Items completed and items in flight over time\">%n",
            samples.size(),
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"plot\"/>%n",
            LEFT,
            TOP,
            PLOT_W,
            PLOT_H));
    appendTimeAxis(svg);
    appendCountAxis(svg);
    appendSeries(svg, "completed", COMPLETED_COLOR, Sample::done);
    appendSeries(svg, "inFlight", IN_FLIGHT_COLOR, Sample::inFlight);
    if (samples.isEmpty()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"empty\">No progress was"
                  + " sampled for this case.</text>%n",
              LEFT + PLOT_W / 2,
              TOP + PLOT_H / 2));
    }
    appendLegend(svg);
    return svg.append("</svg>\n").toString();
  }

  private void appendTimeAxis(StringBuilder svg) {
    List<Double> ticks = time.ticks();
    svg.append(
        String.format(
            Locale.ROOT,
            "<g data-axis=\"time\" data-ticks=\"%d\" class=\"axis\">%n",
            ticks.size()));
    svg.append(line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H));
    for (double tick : ticks) {
      double x = x(tick);
      svg.append(line(x, TOP + PLOT_H, x, TOP + PLOT_H + 6));
      svg.append(text(x, TOP + PLOT_H + 20, "middle", time.label(tick)));
    }
    svg.append(
        text(LEFT + PLOT_W / 2.0, HEIGHT - 10, "middle", "seconds since the case was applied"));
    svg.append("</g>\n");
  }

  private void appendCountAxis(StringBuilder svg) {
    List<Double> ticks = count.ticks();
    svg.append(
        String.format(
            Locale.ROOT,
            "<g data-axis=\"items\" data-ticks=\"%d\" class=\"axis\">%n",
            ticks.size()));
    svg.append(line(LEFT, TOP, LEFT, TOP + PLOT_H));
    for (double tick : ticks) {
      double y = y(tick);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>%n",
              LEFT,
              y,
              LEFT + PLOT_W,
              y));
      svg.append(line(LEFT - 6, y, LEFT, y));
      svg.append(text(LEFT - 10, y + 4, "end", count.label(tick)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16"
                + " %.1f)\">items</text>%n",
            TOP + PLOT_H / 2.0,
            TOP + PLOT_H / 2.0));
    svg.append("</g>\n");
  }

  private void appendSeries(
      StringBuilder svg, String name, String color, ToDoubleFunction<Sample> value) {
    StringBuilder points = new StringBuilder(samples.size() * 14);
    for (Sample s : samples) {
      if (points.length() > 0) {
        points.append(' ');
      }
      points.append(
          String.format(
              Locale.ROOT, "%.1f,%.1f", x(s.elapsedSeconds()), y(value.applyAsDouble(s))));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<polyline data-series=\"%s\" data-points=\"%d\" fill=\"none\" stroke=\"%s\""
                + " stroke-width=\"3\" stroke-linejoin=\"round\" points=\"%s\"/>%n",
            name,
            samples.size(),
            color,
            points));
  }

  private void appendLegend(StringBuilder svg) {
    svg.append("<g data-legend=\"timeline\" class=\"legend\">\n");
    legendEntry(svg, 0, "completed", COMPLETED_COLOR, "items completed");
    legendEntry(svg, 200, "inFlight", IN_FLIGHT_COLOR, "items in flight (concurrency)");
    svg.append("</g>\n");
  }

  private static void legendEntry(
      StringBuilder svg, int offset, String series, String color, String label) {
    int x = LEFT + offset;
    svg.append(
        String.format(
            Locale.ROOT,
            "<g data-legend-series=\"%s\"><line x1=\"%d\" y1=\"18\" x2=\"%d\" y2=\"18\""
                + " stroke=\"%s\" stroke-width=\"3\"/>%s</g>%n",
            series,
            x,
            x + 24,
            color,
            text(x + 30, 22, "start", label).strip()));
  }

  private double x(double seconds) {
    return LEFT + time.fraction(seconds) * PLOT_W;
  }

  private double y(double items) {
    return TOP + PLOT_H - count.fraction(items) * PLOT_H;
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>%n", x1, y1, x2, y2);
  }

  private static String text(double x, double y, String anchor, String content) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
        x,
        y,
        anchor,
        HtmlText.escape(content));
  }
}
