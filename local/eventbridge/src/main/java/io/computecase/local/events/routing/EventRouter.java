package io.computecase.local.events.routing;

import io.computecase.local.events.model.Event;
import io.computecase.local.events.model.Rule;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Matches events to rules, bus by bus, against the latest published {@link RouteTable}. */
public final class EventRouter {
  private final ConcurrentHashMap<String, RouteTable> tables = new ConcurrentHashMap<>();

  /** Recompiles a bus's table after its rules or targets changed. */
  public void publish(String busName, Collection<Rule> rules) {
    tables.put(busName, RouteTable.compile(rules));
  }

  public void remove(String busName) {
    tables.remove(busName);
  }

  public List<Rule> match(Event event) {
    return tables.getOrDefault(event.busName(), RouteTable.EMPTY).match(event);
  }
}
