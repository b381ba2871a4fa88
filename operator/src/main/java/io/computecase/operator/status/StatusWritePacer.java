package io.computecase.operator.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps status writes to at most one per second per case, whatever the item rate, so a large run
 * never floods the API server. Phase changes always go through.
 */
public final class StatusWritePacer {
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  private final Map<String, Instant> lastWrite = new ConcurrentHashMap<>();
  private final Clock clock;

  public StatusWritePacer(Clock clock) {
    this.clock = clock;
  }

  public boolean mayWrite(String caseUid, boolean phaseChanged) {
    Instant last = lastWrite.get(caseUid);
    return phaseChanged || last == null || !Instant.now(clock).isBefore(last.plus(MIN_INTERVAL));
  }

  public void written(String caseUid) {
    lastWrite.put(caseUid, Instant.now(clock));
  }

  public void forget(String caseUid) {
    lastWrite.remove(caseUid);
  }
}
