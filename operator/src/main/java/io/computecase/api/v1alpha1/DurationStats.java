package io.computecase.api.v1alpha1;

/** Minimum, median, 95th percentile and maximum of item durations, in milliseconds. */
public class DurationStats {
  private Double min;
  private Double p50;
  private Double p95;
  private Double max;

  public DurationStats() {}

  public DurationStats(Double min, Double p50, Double p95, Double max) {
    this.min = min;
    this.p50 = p50;
    this.p95 = p95;
    this.max = max;
  }

  public Double getMin() {
    return min;
  }

  public void setMin(Double min) {
    this.min = min;
  }

  public Double getP50() {
    return p50;
  }

  public void setP50(Double p50) {
    this.p50 = p50;
  }

  public Double getP95() {
    return p95;
  }

  public void setP95(Double p95) {
    this.p95 = p95;
  }

  public Double getMax() {
    return max;
  }

  public void setMax(Double max) {
    this.max = max;
  }
}
