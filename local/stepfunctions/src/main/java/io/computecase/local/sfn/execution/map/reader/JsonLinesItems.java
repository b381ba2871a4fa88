package io.computecase.local.sfn.execution.map.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.computecase.local.protocol.AwsJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** InputType JSONL: one JSON value per line; blank lines hold no item. */
public final class JsonLinesItems {
  private static final ObjectReader ONE_VALUE =
      AwsJson.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonLinesItems() {}

  /** Hands each line's value, as compact JSON, to {@code sink} until it answers false. */
  public static void read(InputStream in, Predicate<String> sink) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      long number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String item;
        try {
          item = ONE_VALUE.readTree(line).toString();
        } catch (JsonProcessingException e) {
          throw new ItemReadException(
              number, "the line is not one JSON value: " + e.getOriginalMessage());
        }
        if (!sink.test(item)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
