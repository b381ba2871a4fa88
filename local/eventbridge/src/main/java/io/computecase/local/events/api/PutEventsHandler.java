package io.computecase.local.events.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.delivery.DeliveryDispatcher;
import io.computecase.local.events.model.Event;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.events.routing.EventRouter;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.protocol.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PutEvents: checks the request as a whole (1 to 10 entries, 256 KiB in total), then each entry on
 * its own: a bad entry gets an ErrorCode in its result slot while the others go through, and
 * FailedEntryCount counts the bad ones. Accepted events are matched and queued for delivery; the
 * call returns without waiting for targets, as on AWS.
 */
final class PutEventsHandler implements OperationHandler {
  static final int MAX_ENTRIES = 10;
  static final int MAX_REQUEST_BYTES = 256 * 1024;

  private final BusRegistry registry;
  private final EventRouter router;
  private final DeliveryDispatcher dispatcher;
  private final ResourceArns arns;
  private final Clock clock;

  PutEventsHandler(
      BusRegistry registry,
      EventRouter router,
      DeliveryDispatcher dispatcher,
      ResourceArns arns,
      Clock clock) {
    this.registry = registry;
    this.router = router;
    this.dispatcher = dispatcher;
    this.arns = arns;
    this.clock = clock;
  }

  /** What became of one entry. */
  private sealed interface Outcome permits Accepted, Refused {
    void writeTo(ObjectNode result);
  }

  /** The entry is an event on its way to its rules' targets. */
  private record Accepted(Event event) implements Outcome {
    @Override
    public void writeTo(ObjectNode result) {
      result.put("EventId", event.id());
    }
  }

  /** The entry is refused: its ErrorCode and ErrorMessage. */
  private record Refused(String code, String message) implements Outcome {
    @Override
    public void writeTo(ObjectNode result) {
      result.put("ErrorCode", code).put("ErrorMessage", message);
    }
  }

  @Override
  public JsonNode handle(JsonNode request) {
    JsonNode entries = request.get("Entries");
    if (entries == null || entries.isNull()) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value null at 'entries' failed to satisfy constraint:"
              + " Member must not be null");
    }
    if (!entries.isArray()) {
      throw new AwsServiceException(
          "SerializationException", "Member 'Entries' must be a list of entries");
    }
    if (entries.isEmpty()) {
      throw MemberConstraints.violation(
          "[]", "entries", "Member must have length greater than or equal to 1");
    }
    if (entries.size() > MAX_ENTRIES) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member"
              + " must have length less than or equal to "
              + MAX_ENTRIES
              + " (got "
              + entries.size()
              + "; split the events over several calls)");
    }
    int total = 0;
    for (JsonNode entry : entries) {
      checkTypes(entry);
      total += entrySize(entry);
    }
    if (total > MAX_REQUEST_BYTES) {
      throw AwsServiceException.validation(
          "Total size of the entries in the request is over the limit: "
              + total
              + " bytes, at most "
              + MAX_REQUEST_BYTES
              + " are allowed.");
    }
    Instant now = clock.instant();
    ObjectNode response = AwsJson.MAPPER.createObjectNode();
    ArrayNode results = AwsJson.MAPPER.createArrayNode();
    int failed = 0;
    for (JsonNode entry : entries) {
      Outcome outcome = accept(entry, now);
      outcome.writeTo(results.addObject());
      if (outcome instanceof Refused) {
        failed++;
      }
    }
    response.put("FailedEntryCount", failed);
    response.set("Entries", results);
    return response;
  }

  private Outcome accept(JsonNode entry, Instant now) {
    for (String required : List.of("Source", "DetailType", "Detail")) {
      if (!entry.path(required).isTextual() || entry.path(required).asText().isEmpty()) {
        return new Refused(
            "InvalidArgument",
            "Parameter "
                + required
                + " is not valid. Reason: "
                + required
                + " is a required argument.");
      }
    }
    String source = entry.get("Source").asText();
    if (source.startsWith("aws.")) {
      return new Refused("NotAuthorizedForSourceException", "Not authorized for the source.");
    }
    JsonNode detail;
    try {
      detail = AwsJson.MAPPER.readTree(entry.get("Detail").asText());
    } catch (JsonProcessingException e) {
      detail = null;
    }
    if (detail == null || !detail.isObject()) {
      return new Refused("MalformedDetail", "Detail is malformed.");
    }
    String bus;
    try {
      bus = ResourceArns.busName(entry.path("EventBusName").asText(null));
    } catch (EventsException e) {
      return new Refused("InvalidArgument", e.getMessage());
    }
    if (!registry.hasBus(bus)) {
      return new Refused("ResourceNotFoundException", "Event bus " + bus + " does not exist.");
    }
    List<String> resources = new ArrayList<>();
    entry.path("Resources").forEach(r -> resources.add(r.asText()));
    Event event =
        new Event(
            Uuids.random().toString(),
            bus,
            source,
            entry.get("DetailType").asText(),
            arns.accountId(),
            arns.region(),
            time(entry.path("Time"), now),
            resources,
            detail,
            now);
    dispatcher.dispatch(event, router.match(event));
    return new Accepted(event);
  }

  /**
   * A member of the wrong JSON type fails the whole call with a SerializationException, as AWS's
   * deserializer fails it before any entry is looked at; only valid values are judged per entry.
   */
  private static void checkTypes(JsonNode entry) {
    if (!entry.isObject()) {
      throw new AwsServiceException(
          "SerializationException", "Member 'Entries' must be a list of entries (objects)");
    }
    RequestFields members = new RequestFields(entry);
    for (String member : List.of("Source", "DetailType", "Detail", "EventBusName", "TraceHeader")) {
      members.optionalString(member);
    }
    members.optionalList("Resources", "string");
    JsonNode time = entry.path("Time");
    if (!time.isMissingNode() && !time.isNull() && !time.isNumber() && !time.isTextual()) {
      throw new AwsServiceException(
          "SerializationException", "Member 'Time' must be a timestamp (epoch seconds)");
    }
  }

  /** JSON 1.1 sends timestamps as epoch seconds; an ISO-8601 string is accepted too. */
  private static Instant time(JsonNode time, Instant now) {
    if (time.isNumber()) {
      return Instant.ofEpochMilli(Math.round(time.asDouble() * 1000));
    }
    if (time.isTextual()) {
      try {
        return Instant.parse(time.asText());
      } catch (RuntimeException e) {
        throw AwsServiceException.validation(
            "Parameter Time is not valid: '"
                + time.asText()
                + "'; give epoch seconds or an ISO-8601 instant.");
      }
    }
    return now;
  }

  /**
   * An entry's size as AWS counts it: Time (14 bytes), Source, DetailType, Detail and Resources.
   */
  private static int entrySize(JsonNode entry) {
    int size = entry.has("Time") ? 14 : 0;
    for (String member : List.of("Source", "DetailType", "Detail")) {
      size += entry.path(member).asText("").getBytes(StandardCharsets.UTF_8).length;
    }
    for (JsonNode resource : entry.path("Resources")) {
      size += resource.asText().getBytes(StandardCharsets.UTF_8).length;
    }
    return size;
  }
}
