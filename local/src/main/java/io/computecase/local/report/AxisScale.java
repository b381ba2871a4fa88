package io.computecase.local.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis from 0 to a round maximum, with ticks at 1, 2 or 5 times a power of ten, so a
 * reader sees round numbers whatever the case's size or duration.
 */
record AxisScale(double max, double step) {
  private static final int TARGET_TICKS = 6;

  /** A scale that covers {@code 0..dataMax}; an empty range (0) becomes 0..1. */
  static AxisScale covering(double dataMax) {
    double top = dataMax > 0 && Double.isFinite(dataMax) ? dataMax : 1;
    double rough = top / TARGET_TICKS;
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double step = magnitude;
    for (double factor : new double[] {1, 2, 5, 10}) {
      step = factor * magnitude;
      if (step >= rough) {
        break;
      }
    }
    return new AxisScale(Math.ceil(top / step - 1e-9) * step, step);
  }

  /** The tick values from 0 to the maximum, inclusive. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long count = Math.round(max / step);
    for (long i = 0; i <= count; i++) {
      ticks.add(i * step);
    }
    return ticks;
  }

  /** The fraction of the axis at {@code value}, 0 at the origin and 1 at the maximum. */
  double fraction(double value) {
    return value / max;
  }

  /** A tick label: whole numbers without decimals, small steps with as many as they need. */
  String label(double value) {
    if (step >= 1) {
      return Long.toString(Math.round(value));
    }
    int decimals = (int) Math.ceil(-Math.log10(step) - 1e-9);
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
