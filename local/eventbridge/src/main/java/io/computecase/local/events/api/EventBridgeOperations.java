package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.delivery.DeliveryDispatcher;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.RuleState;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.events.routing.EventRouter;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.OperationHandler;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * The EventBridge API in process: one handler per operation, domain errors mapped to AWS errors
 * here and only here. Served over HTTP by wrapping each operation in an AwsJsonServer.
 */
public final class EventBridgeOperations implements AwsJsonService {
  private final Map<String, OperationHandler> handlers = new TreeMap<>();

  public EventBridgeOperations(
      BusRegistry registry,
      EventRouter router,
      DeliveryDispatcher dispatcher,
      ResourceArns arns,
      Clock clock) {
    handlers.put("CreateEventBus", new CreateEventBusHandler(registry));
    handlers.put("DescribeEventBus", new DescribeEventBusHandler(registry));
    handlers.put("ListEventBuses", new ListEventBusesHandler(registry));
    handlers.put("DeleteEventBus", new DeleteEventBusHandler(registry));
    handlers.put("PutRule", new PutRuleHandler(registry));
    handlers.put("DescribeRule", new DescribeRuleHandler(registry, arns));
    handlers.put("ListRules", new ListRulesHandler(registry));
    handlers.put("DeleteRule", new DeleteRuleHandler(registry));
    handlers.put("EnableRule", new RuleStateHandler(registry, RuleState.ENABLED));
    handlers.put("DisableRule", new RuleStateHandler(registry, RuleState.DISABLED));
    handlers.put("PutTargets", new PutTargetsHandler(registry, new TargetParser(dispatcher)));
    handlers.put("ListTargetsByRule", new ListTargetsByRuleHandler(registry));
    handlers.put("RemoveTargets", new RemoveTargetsHandler(registry));
    handlers.put("ListRuleNamesByTarget", new ListRuleNamesByTargetHandler(registry));
    handlers.put("PutEvents", new PutEventsHandler(registry, router, dispatcher, arns, clock));
    handlers.put("TestEventPattern", new TestEventPatternHandler());
    handlers.put("TagResource", new TagResourceHandler(registry));
    handlers.put("UntagResource", new UntagResourceHandler(registry));
    handlers.put("ListTagsForResource", new ListTagsForResourceHandler(registry));
  }

  /** The operations served, by name. */
  public Iterable<String> operations() {
    return handlers.keySet();
  }

  /** PutEvents only routes and queues its events for delivery: it never waits. */
  @Override
  public boolean blocks(String operation) {
    return !"PutEvents".equals(operation);
  }

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    OperationHandler handler = handlers.get(operation);
    if (handler == null) {
      throw new AwsServiceException("UnknownOperationException", "Unknown operation " + operation);
    }
    try {
      return handler.handle(request);
    } catch (EventsException e) {
      throw ErrorMapping.toAws(e);
    }
  }
}
