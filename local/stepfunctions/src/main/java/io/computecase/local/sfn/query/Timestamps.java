package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 3339 timestamps as ASL compares them ("2016-03-14T01:59:00Z", offsets, fractions). */
public final class Timestamps {
  private Timestamps() {}

  /** The instant a JSON string names, or null when it is not a string or not a timestamp. */
  public static Instant parse(JsonNode value) {
    return value != null && value.isTextual() ? parse(value.textValue()) : null;
  }

  static Instant parse(String text) {
    // RFC 3339 as ASL profiles it: an uppercase T between date and time, an uppercase Z for UTC.
    if (text == null || text.length() < 20 || text.charAt(10) != 'T' || text.endsWith("z")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
