package io.computecase.local.events.delivery;

import io.computecase.local.events.model.Event;
import io.computecase.local.events.model.Rule;
import io.computecase.local.events.model.Target;

/** One event on its way to one target of one rule, with the payload rendered for that target. */
public record Delivery(Event event, Rule rule, Target target, String payload, int retries) {
  Delivery retried() {
    return new Delivery(event, rule, target, payload, retries + 1);
  }
}
