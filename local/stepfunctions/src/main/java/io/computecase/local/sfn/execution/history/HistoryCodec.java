package io.computecase.local.sfn.execution.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A finished history as one compressed record: a JSON array of events, each {@code [id, previous,
 * millis, type, details]} with the details as AWS renders them with data (as snapshots keep them).
 */
final class HistoryCodec {
  private HistoryCodec() {}

  // A Deflater holds native buffers that are costly to set up: one per thread, reset per record.
  private static final ThreadLocal<Deflater> DEFLATERS =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));

  static byte[] encode(List<HistoryEvent> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    Deflater deflater = DEFLATERS.get();
    deflater.reset();
    try (OutputStream out = new DeflaterOutputStream(bytes, deflater, 512);
        JsonGenerator json = AwsJson.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartArray();
      for (HistoryEvent event : events) {
        json.writeStartArray();
        json.writeNumber(event.id());
        json.writeNumber(event.previousEventId());
        json.writeNumber(event.timestampMillis());
        json.writeString(event.type());
        if (event.details() == null) {
          json.writeNull();
        } else {
          json.writeTree(event.details().render(true));
        }
        json.writeEndArray();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<HistoryEvent> decode(byte[] record) {
    JsonNode array;
    try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(record))) {
      array = AwsJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored history cannot be read: " + e.getMessage(), e);
    }
    List<HistoryEvent> events = new ArrayList<>(array.size());
    for (JsonNode e : array) {
      JsonNode details = e.get(4);
      events.add(
          new HistoryEvent(
              e.get(0).asInt(),
              e.get(1).asInt(),
              e.get(2).asLong(),
              e.get(3).asText(),
              details == null || details.isNull()
                  ? null
                  : new EventDetails.Restored((ObjectNode) details)));
    }
    return events;
  }
}
