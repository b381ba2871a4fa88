package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * How often a failed item is tried again, and how long to wait between tries: the state machine
 * waits intervalSeconds * backoffRate^(attempt-1) before attempt+1, as an ASL Retrier would.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ItemRetry {
  /** Attempts per item at most, the first one included. */
  public static final int MAX_ATTEMPTS = 10;

  /** Longest first wait, one hour. */
  public static final int MAX_INTERVAL_SECONDS = 3600;

  /** Steepest backoff. */
  public static final double MAX_BACKOFF_RATE = 10.0;

  @JsonPropertyDescription(
      "Attempts per item, the first one included (1 to 10); 1 means a failed item is not tried"
          + " again. An item that times out (States.Timeout) is never tried again.")
  @Min(1)
  @Max(MAX_ATTEMPTS)
  @Default("1")
  private Integer maxAttempts;

  @JsonPropertyDescription("Seconds to wait before the second attempt (0 to 3600).")
  @Min(0)
  @Max(MAX_INTERVAL_SECONDS)
  @Default("1")
  private Integer intervalSeconds;

  @JsonPropertyDescription(
      "Multiplier of the wait after each further failed attempt (1.0 to 10.0).")
  @Min(1)
  @Max(MAX_BACKOFF_RATE)
  @Default("2.0")
  private Double backoffRate;

  public ItemRetry() {}

  public ItemRetry(Integer maxAttempts, Integer intervalSeconds, Double backoffRate) {
    this.maxAttempts = maxAttempts;
    this.intervalSeconds = intervalSeconds;
    this.backoffRate = backoffRate;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(Integer maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public Integer getIntervalSeconds() {
    return intervalSeconds;
  }

  public void setIntervalSeconds(Integer intervalSeconds) {
    this.intervalSeconds = intervalSeconds;
  }

  public Double getBackoffRate() {
    return backoffRate;
  }

  public void setBackoffRate(Double backoffRate) {
    this.backoffRate = backoffRate;
  }
}
