package io.computecase.local.events.routing;

import io.computecase.local.events.model.EventsException;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Ruler;

/** Checks event patterns and tests them against single events, with event-ruler's semantics. */
public final class EventPatterns {
  private EventPatterns() {}

  /**
   * Fails with InvalidEventPatternException carrying event-ruler's reason when it does not compile.
   */
  public static void check(String pattern) {
    String problem;
    try {
      problem = JsonRuleCompiler.check(pattern);
    } catch (RuntimeException e) {
      problem = String.valueOf(e.getMessage());
    }
    if (problem != null) {
      throw EventsException.invalidPattern(problem);
    }
  }

  /** Whether one event (JSON text) matches a pattern (already checked). */
  public static boolean matches(String eventJson, String pattern) {
    try {
      return Ruler.matchesRule(eventJson, pattern);
    } catch (Exception e) {
      throw EventsException.invalidPattern(String.valueOf(e.getMessage()));
    }
  }
}
