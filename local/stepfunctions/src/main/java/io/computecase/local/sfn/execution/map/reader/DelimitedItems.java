package io.computecase.local.sfn.execution.map.reader;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * InputType CSV: a text file of records, one per line, their fields split by the delimiter; each
 * record becomes an object of header → string. As the Guide's parsing rules say: a field in double
 * quotes may hold the delimiter and newlines, a doubled quote inside it is one quote, a backslash
 * escapes a backslash, a quote or the delimiter (and is dropped before any other character), a
 * record with fewer fields than the header gets empty strings, one with more has the extra fields
 * skipped.
 */
public final class DelimitedItems {
  private final Reader in;
  private final char delimiter;
  private int peeked = -2;
  private long line = 1;
  private long recordLine;

  private DelimitedItems(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /**
   * Hands each record, as a compact JSON object, to {@code sink} until it answers false.
   *
   * @param headers the GIVEN headers, or null when the first record is the header
   */
  public static void read(
      InputStream stream, char delimiter, List<String> headers, Predicate<String> sink) {
    try (Reader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16)) {
      new DelimitedItems(reader, delimiter).records(headers, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void records(List<String> given, Predicate<String> sink) throws IOException {
    List<String> headers = given;
    for (List<String> record = next(); record != null; record = next()) {
      if (headers == null) {
        headers = record;
        continue;
      }
      ObjectNode item = AwsJson.MAPPER.createObjectNode();
      for (int i = 0; i < headers.size(); i++) {
        item.put(headers.get(i), i < record.size() ? record.get(i) : "");
      }
      if (!sink.test(item.toString())) {
        return;
      }
    }
  }

  /** The next record's fields; null at the end. A blank line is no record. */
  private List<String> next() throws IOException {
    while (true) {
      recordLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      while (true) {
        int c = read();
        if (c == -1) {
          if (quoted) {
            throw new ItemReadException(
                recordLine, "a field opened with a double quote is never closed.");
          }
          if (!any) {
            return null;
          }
          fields.add(field.toString());
          return fields;
        }
        any = true;
        if (quoted) {
          if (c == '"') {
            if (peek() == '"') {
              read();
              field.append('"');
            } else {
              quoted = false;
            }
          } else if (c == '\\') {
            escape(field);
          } else {
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
              line++;
            }
            field.append((char) c);
          }
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && peek() == '\n') {
            read();
          }
          line++;
          if (fields.isEmpty() && field.isEmpty()) {
            break; // a blank line
          }
          fields.add(field.toString());
          return fields;
        } else if (c == '"' && field.isEmpty()) {
          quoted = true;
        } else if (c == '\\') {
          escape(field);
        } else {
          field.append((char) c);
        }
      }
    }
  }

  private void escape(StringBuilder field) throws IOException {
    int next = peek();
    if (next == '\\' || next == '"' || next == delimiter) {
      field.append((char) read());
    }
    // Before any other character the backslash is dropped, and the character read as usual.
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    return in.read();
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
    }
    return peeked;
  }
}
