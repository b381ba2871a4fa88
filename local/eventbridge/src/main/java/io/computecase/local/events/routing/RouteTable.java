package io.computecase.local.events.routing;

import io.computecase.local.events.model.Event;
import io.computecase.local.events.model.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.event.ruler.Machine;

/**
 * One bus's enabled rules compiled into a single event-ruler machine: an immutable snapshot, so
 * events are matched without locks while rules change (a change publishes a new table).
 */
public final class RouteTable {
  static final RouteTable EMPTY = new RouteTable(new Machine(), Map.of());

  private final Machine machine;
  private final Map<String, Rule> rules;

  private RouteTable(Machine machine, Map<String, Rule> rules) {
    this.machine = machine;
    this.rules = rules;
  }

  /** Compiles the enabled rules that have a pattern and at least one target. */
  static RouteTable compile(Collection<Rule> all) {
    Machine machine = new Machine();
    List<Rule> routed = new ArrayList<>();
    for (Rule rule : all) {
      if (rule.state().routes() && rule.eventPattern() != null && !rule.targets().isEmpty()) {
        try {
          machine.addRule(rule.name(), rule.eventPattern());
        } catch (IOException e) {
          throw new UncheckedIOException(
              "Pattern of rule " + rule.name() + " passed its check but does not compile", e);
        }
        routed.add(rule);
      }
    }
    return new RouteTable(
        machine,
        routed.stream().collect(Collectors.toUnmodifiableMap(Rule::name, Function.identity())));
  }

  /** The rules whose pattern the event matches, each with the targets it had when compiled. */
  public List<Rule> match(Event event) {
    if (rules.isEmpty()) {
      return List.of();
    }
    List<String> names = machine.rulesForJSONEvent(event.envelope());
    List<Rule> matched = new ArrayList<>(names.size());
    for (String name : names) {
      matched.add(rules.get(name));
    }
    return matched;
  }
}
