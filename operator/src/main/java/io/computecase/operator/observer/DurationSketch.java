package io.computecase.operator.observer;

import io.computecase.api.v1alpha1.DurationStats;
import java.math.BigDecimal;
import java.math.MathContext;
import org.HdrHistogram.DoubleHistogram;

/**
 * Item durations summarized in bounded memory, whatever their number: exact minimum and maximum,
 * and the median and 95th percentile from an HdrHistogram to three significant digits.
 */
final class DurationSketch {
  private static final int SIGNIFICANT_DIGITS = 3;
  private final DoubleHistogram histogram = new DoubleHistogram(SIGNIFICANT_DIGITS);
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private long count;

  void add(double millis) {
    if (Double.isNaN(millis) || millis < 0) {
      return;
    }
    histogram.recordValue(millis);
    min = Math.min(min, millis);
    max = Math.max(max, millis);
    count++;
  }

  long count() {
    return count;
  }

  /** Null when no item succeeded. */
  DurationStats stats() {
    if (count == 0) {
      return null;
    }
    return new DurationStats(min, percentile(50), percentile(95), max);
  }

  private double percentile(double p) {
    double value = histogram.getValueAtPercentile(p);
    // the histogram answers the top of a bucket: shown at the precision it holds, within the range
    double rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).doubleValue();
    return Math.max(min, Math.min(max, rounded));
  }
}
