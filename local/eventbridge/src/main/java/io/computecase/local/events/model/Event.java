package io.computecase.local.events.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One accepted event: the envelope EventBridge delivers to targets (version, id, detail-type,
 * source, account, time, region, resources, detail), the bus it was put on and when it arrived. The
 * envelope is built and serialized once, then shared by every rule and target it matches.
 */
public final class Event {
  private final String id;
  private final String busName;
  private final Instant ingestionTime;
  private final ObjectNode envelope;
  private volatile String json;

  public Event(
      String id,
      String busName,
      String source,
      String detailType,
      String account,
      String region,
      Instant time,
      List<String> resources,
      JsonNode detail,
      Instant ingestionTime) {
    this.id = id;
    this.busName = busName;
    this.ingestionTime = ingestionTime;
    ObjectNode node = AwsJson.MAPPER.createObjectNode();
    node.put("version", "0");
    node.put("id", id);
    node.put("detail-type", detailType);
    node.put("source", source);
    node.put("account", account);
    node.put("time", iso(time));
    node.put("region", region);
    resources.forEach(node.putArray("resources")::add);
    node.set("detail", detail);
    this.envelope = node;
  }

  /** ISO-8601 at second precision in UTC, as EventBridge writes {@code time}. */
  public static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  public String id() {
    return id;
  }

  public String busName() {
    return busName;
  }

  public Instant ingestionTime() {
    return ingestionTime;
  }

  /** The envelope as a tree; callers must not modify it. */
  public JsonNode envelope() {
    return envelope;
  }

  /** The envelope as JSON text, serialized once. */
  public String json() {
    String text = json;
    if (text == null) {
      try {
        text = AwsJson.MAPPER.writeValueAsString(envelope);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot serialize event " + id, e);
      }
      json = text;
    }
    return text;
  }
}
