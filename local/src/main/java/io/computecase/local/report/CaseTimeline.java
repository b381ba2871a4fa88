package io.computecase.local.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The progress of one case over time, sampled while it runs: items done, succeeded, failed and in
 * flight at each elapsed second. Safe to append from one thread while another reads.
 *
 * <p>Memory stays bounded on long cases: when the samples reach the limit, every other one is
 * dropped and from then on only every second appended sample is kept (the stride doubles each
 * time), so the kept samples stay evenly spread over the whole run. The latest sample is always
 * kept, so the chart ends where the case ended.
 */
public final class CaseTimeline {
  /** The default bound: enough for a smooth chart, small enough for a light HTML page. */
  public static final int DEFAULT_MAX_SAMPLES = 2000;

  /** One observation of a case's progress. */
  public record Sample(double elapsedSeconds, long succeeded, long failed, long inFlight) {
    /** Items finished, either way. */
    public long done() {
      return succeeded + failed;
    }
  }

  private final int maxSamples;
  private final List<Sample> kept = new ArrayList<>();
  private Sample latest;
  private long appended;
  private long stride = 1;

  /** A timeline bounded at {@link #DEFAULT_MAX_SAMPLES}. */
  public CaseTimeline() {
    this(DEFAULT_MAX_SAMPLES);
  }

  /** A timeline that keeps at most {@code maxSamples} samples (4 or more). */
  public CaseTimeline(int maxSamples) {
    if (maxSamples < 4) {
      throw new IllegalArgumentException("maxSamples must be 4 or more, got " + maxSamples);
    }
    this.maxSamples = maxSamples;
  }

  /** Records the case's counts at {@code elapsedSeconds} since it was applied. */
  public synchronized void append(
      double elapsedSeconds, long succeeded, long failed, long inFlight) {
    if (elapsedSeconds < 0 || succeeded < 0 || failed < 0 || inFlight < 0) {
      throw new IllegalArgumentException(
          String.format(
              "a sample's time and counts must be 0 or more, got elapsedSeconds=%s succeeded=%d"
                  + " failed=%d inFlight=%d",
              elapsedSeconds, succeeded, failed, inFlight));
    }
    if (latest != null && elapsedSeconds < latest.elapsedSeconds()) {
      throw new IllegalArgumentException(
          "samples must be appended in time order: got elapsedSeconds="
              + elapsedSeconds
              + " after "
              + latest.elapsedSeconds());
    }
    Sample sample = new Sample(elapsedSeconds, succeeded, failed, inFlight);
    latest = sample;
    if (appended++ % stride != 0) {
      return;
    }
    kept.add(sample);
    if (kept.size() >= maxSamples) {
      halve();
    }
  }

  private void halve() {
    List<Sample> half = new ArrayList<>(kept.size() / 2 + 1);
    for (int i = 0; i < kept.size(); i += 2) {
      half.add(kept.get(i));
    }
    kept.clear();
    kept.addAll(half);
    stride *= 2;
  }

  /** The kept samples in time order, ending with the latest one appended. */
  public synchronized List<Sample> samples() {
    List<Sample> copy = new ArrayList<>(kept);
    if (latest != null && (copy.isEmpty() || copy.get(copy.size() - 1) != latest)) {
      copy.add(latest);
    }
    return List.copyOf(copy);
  }
}
