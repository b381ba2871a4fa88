package io.computecase.worker.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The task tokens this worker answered most recently, so that a late duplicate delivery of one is
 * deleted without computing again. Bounded: older tokens fall back on Step Functions refusing the
 * second answer, which settles the duplicate just as well, only later.
 */
final class AnsweredTokens {
  private final Map<String, Boolean> tokens;

  AnsweredTokens(int capacity) {
    this.tokens =
        new LinkedHashMap<>(capacity, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void add(String token) {
    tokens.put(token, Boolean.TRUE);
  }

  synchronized boolean contains(String token) {
    return tokens.containsKey(token);
  }
}
