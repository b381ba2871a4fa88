package io.computecase.local.events.registry;

import io.computecase.local.events.model.EventBus;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.Rule;
import io.computecase.local.events.model.RuleState;
import io.computecase.local.events.model.Target;
import io.computecase.local.events.routing.EventRouter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The buses, their rules and the rules' targets. Changes are rare and serialized here; after each
 * one the bus's routing table is recompiled, so PutEvents reads routes without taking this lock.
 */
public final class BusRegistry {
  /** AWS's quota of targets per rule. */
  public static final int MAX_TARGETS_PER_RULE = 5;

  /** AWS's quota of tags per bus or rule. */
  public static final int MAX_TAGS = ResourceTags.MAX_TAGS;

  private final ResourceArns arns;
  private final Clock clock;
  private final EventRouter router;
  private final Map<String, EventBus> buses = new TreeMap<>();
  private final Map<String, TreeMap<String, Rule>> rulesByBus = new LinkedHashMap<>();
  private final ResourceTags tags = new ResourceTags();

  public BusRegistry(ResourceArns arns, Clock clock, EventRouter router) {
    this.arns = arns;
    this.clock = clock;
    this.router = router;
    createBus(ResourceArns.DEFAULT_BUS, null);
  }

  public synchronized EventBus createBus(String name, String description) {
    if (buses.containsKey(name)) {
      throw EventsException.alreadyExists("Event bus " + name + " already exists.");
    }
    Instant now = clock.instant();
    EventBus bus = new EventBus(name, arns.busArn(name), description, now, now);
    buses.put(name, bus);
    rulesByBus.put(name, new TreeMap<>());
    router.publish(name, List.of());
    return bus;
  }

  public synchronized EventBus bus(String name) {
    EventBus bus = buses.get(name);
    if (bus == null) {
      throw EventsException.notFound("Event bus " + name + " does not exist.");
    }
    return bus;
  }

  public synchronized boolean hasBus(String name) {
    return buses.containsKey(name);
  }

  /** Buses in name order whose name starts with the prefix (empty = all). */
  public synchronized List<EventBus> buses(String namePrefix) {
    return buses.values().stream().filter(b -> b.name().startsWith(namePrefix)).toList();
  }

  /** Deleting a bus that does not exist succeeds, as on AWS; the default bus stays. */
  public synchronized void deleteBus(String name) {
    if (ResourceArns.DEFAULT_BUS.equals(name)) {
      throw EventsException.invalid("Cannot delete event bus default.");
    }
    EventBus bus = buses.remove(name);
    if (bus != null) {
      rulesByBus.remove(name).values().forEach(rule -> tags.drop(rule.arn()));
      tags.drop(bus.arn());
      router.remove(name);
    }
  }

  /** Creates or replaces a rule; replacing keeps its targets, as PutRule does. */
  public synchronized Rule putRule(
      String busName,
      String name,
      String pattern,
      String schedule,
      RuleState state,
      String description,
      String roleArn) {
    TreeMap<String, Rule> rules = rules(busName);
    List<Target> targets =
        Optional.ofNullable(rules.get(name)).map(Rule::targets).orElse(List.of());
    Rule rule =
        new Rule(
            name,
            busName,
            arns.ruleArn(busName, name),
            pattern,
            schedule,
            state,
            description,
            roleArn,
            targets);
    rules.put(name, rule);
    republish(busName);
    return rule;
  }

  public synchronized Rule rule(String busName, String name) {
    Rule rule = rules(busName).get(name);
    if (rule == null) {
      throw EventsException.notFound(
          "Rule " + name + " does not exist on EventBus " + busName + ".");
    }
    return rule;
  }

  /** Rules in name order whose name starts with the prefix (empty = all). */
  public synchronized List<Rule> rules(String busName, String namePrefix) {
    return rules(busName).values().stream().filter(r -> r.name().startsWith(namePrefix)).toList();
  }

  /**
   * A rule with targets cannot be deleted (unless forced); a missing rule is no error, as on AWS.
   */
  public synchronized void deleteRule(String busName, String name, boolean force) {
    TreeMap<String, Rule> rules = rules(busName);
    Rule rule = rules.get(name);
    if (rule == null) {
      return;
    }
    if (!rule.targets().isEmpty() && !force) {
      throw EventsException.invalid("Rule can't be deleted since it has targets.");
    }
    rules.remove(name);
    tags.drop(rule.arn());
    republish(busName);
  }

  public synchronized Rule setState(String busName, String name, RuleState state) {
    Rule rule = rule(busName, name).withState(state);
    rules(busName).put(name, rule);
    republish(busName);
    return rule;
  }

  /** Adds targets, replacing those with the same id. */
  public synchronized Rule putTargets(String busName, String ruleName, List<Target> added) {
    Rule rule = rule(busName, ruleName);
    Map<String, Target> merged = new LinkedHashMap<>();
    rule.targets().forEach(t -> merged.put(t.id(), t));
    added.forEach(t -> merged.put(t.id(), t));
    if (merged.size() > MAX_TARGETS_PER_RULE) {
      throw EventsException.limitExceeded(
          "The requested resource exceeds the maximum number allowed: a rule has at most "
              + MAX_TARGETS_PER_RULE
              + " targets, rule "
              + ruleName
              + " would have "
              + merged.size()
              + ".");
    }
    Rule updated = rule.withTargets(new ArrayList<>(merged.values()));
    rules(busName).put(ruleName, updated);
    republish(busName);
    return updated;
  }

  /** Removes the targets with these ids; ids the rule does not have are ignored. */
  public synchronized Rule removeTargets(String busName, String ruleName, Set<String> ids) {
    Rule rule = rule(busName, ruleName);
    Rule updated =
        rule.withTargets(rule.targets().stream().filter(t -> !ids.contains(t.id())).toList());
    rules(busName).put(ruleName, updated);
    republish(busName);
    return updated;
  }

  /** Adds or replaces tags on a bus or rule. */
  public synchronized void tag(String arn, Map<String, String> added) {
    requireResource(arn);
    if (!tags.fits(arn, added)) {
      throw EventsException.limitExceeded(
          "The requested resource exceeds the maximum number allowed: a resource has at most "
              + ResourceTags.MAX_TAGS
              + " tags.");
    }
    tags.tag(arn, added);
  }

  public synchronized void untag(String arn, Set<String> keys) {
    requireResource(arn);
    tags.untag(arn, keys);
  }

  public synchronized Map<String, String> tags(String arn) {
    requireResource(arn);
    return tags.tags(arn);
  }

  private void requireResource(String arn) {
    boolean exists =
        buses.values().stream().anyMatch(b -> b.arn().equals(arn))
            || rulesByBus.values().stream()
                .anyMatch(r -> r.values().stream().anyMatch(rule -> rule.arn().equals(arn)));
    if (!exists) {
      throw EventsException.notFound("Resource " + arn + " does not exist.");
    }
  }

  private TreeMap<String, Rule> rules(String busName) {
    TreeMap<String, Rule> rules = rulesByBus.get(busName);
    if (rules == null) {
      throw EventsException.notFound("Event bus " + busName + " does not exist.");
    }
    return rules;
  }

  private void republish(String busName) {
    router.publish(busName, rulesByBus.get(busName).values());
  }
}
