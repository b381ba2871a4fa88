package io.computecase.local.sfn.execution.map.reader;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.computecase.local.protocol.AwsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/** InputType JSON: an object holding one JSON array, read element by element. */
public final class JsonArrayItems {
  // One element at a time from a parser that goes on: what follows an element is not trailing.
  private static final ObjectReader ELEMENT =
      AwsJson.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonArrayItems() {}

  /** Hands each element, as compact JSON, to {@code sink} until it answers false. */
  public static void read(InputStream in, Predicate<String> sink) {
    try (JsonParser parser = AwsJson.MAPPER.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw new ItemReadException(
            line(parser.currentLocation()),
            "the object must hold a JSON array, but holds "
                + (first == null ? "nothing" : describe(first))
                + ".");
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        JsonNode element = ELEMENT.readTree(parser);
        if (!sink.test(element.toString())) {
          return;
        }
      }
      if (parser.nextToken() != null) {
        throw new ItemReadException(
            line(parser.currentLocation()), "unexpected content after the JSON array.");
      }
    } catch (JsonProcessingException e) {
      throw new ItemReadException(
          line(e.getLocation()), "the JSON is malformed: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString();
    };
  }
}
