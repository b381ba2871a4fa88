package io.computecase.operator.execution;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.computecase.api.v1alpha1.S3ItemsObject;
import io.computecase.operator.validation.SpecProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads a user's {@code spec.itemsFrom.s3} object once before the case starts, streamed, to count
 * its items and to refuse what the Distributed Map would read wrongly or not at all: a missing
 * bucket or key, an empty object, a JSON Lines line that is not one JSON object, a JSON object that
 * is not an array of objects, a CSV row whose field count differs from the header's (the Map would
 * pad it with empty strings or drop the extra fields without a word). Every problem names the
 * object, the 1-based line and the fix.
 */
public final class S3ItemsPreflight {
  private static final Logger LOG = LoggerFactory.getLogger(S3ItemsPreflight.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final CsvMapper CSV = new CsvMapper();

  /** As the ItemReader reads CSV: a backslash escapes a quote, the delimiter or a backslash. */
  private static final CsvSchema CSV_ROWS = CsvSchema.emptySchema().withEscapeChar('\\');

  private static final int CLIP = 200;
  private static final char BOM = '\uFEFF';
  private final S3Client s3;

  public S3ItemsPreflight(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * The number of items in the object.
   *
   * @throws SpecProblemException naming the object, the line and the fix when the Map could not
   *     read it as its format says
   */
  public long count(S3ItemsObject object) {
    String where = "s3://" + object.getBucket() + "/" + object.getKey();
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = s3.getObject(r -> r.bucket(object.getBucket()).key(object.getKey()));
    } catch (NoSuchBucketException e) {
      throw new SpecProblemException(
          "ItemsSourceNotFound",
          "spec.itemsFrom.s3: the bucket of "
              + where
              + " does not exist: create bucket '"
              + object.getBucket()
              + "' with the object in it, or fix spec.itemsFrom.s3.bucket.");
    } catch (NoSuchKeyException e) {
      throw new SpecProblemException(
          "ItemsSourceNotFound",
          "spec.itemsFrom.s3: "
              + where
              + " does not exist: upload the object, or fix spec.itemsFrom.s3.key.");
    }
    boolean complete = false;
    try (Reader reader = withoutBom(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      long count =
          switch (object.effectiveFormat()) {
            case JSONL -> jsonLines(where, reader);
            case JSON -> jsonArray(where, reader);
            case CSV -> csvRows(where, reader);
          };
      complete = true;
      if (count == 0) {
        throw new SpecProblemException(
            "InvalidItemsSource",
            "spec.itemsFrom.s3: "
                + where
                + " holds no items: "
                + example(object.effectiveFormat())
                + ", or point spec.itemsFrom.s3 at the object that has them.");
      }
      LOG.info("{} holds {} items ({})", where, count, object.effectiveFormat());
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + where, e);
    } finally {
      if (!complete) {
        // a refused object is not read to its end just to reuse the connection
        in.abort();
      }
    }
  }

  /** Every non-blank line one JSON object, as the ItemReader's JSONL reads them. */
  private static long jsonLines(String where, Reader reader) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    long count = 0;
    long lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode item;
      try {
        item = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw invalid(
            where
                + " line "
                + lineNumber
                + " is not valid JSON ("
                + clip(e.getOriginalMessage())
                + "): write one JSON object per line, e.g. {\"caseId\": \"1\"}.");
      }
      if (!item.isObject()) {
        throw invalid(
            where
                + " line "
                + lineNumber
                + " is a JSON "
                + item.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + ", not an object: write one JSON object per line, e.g. {\"caseId\": \"1\"}.");
      }
      count++;
    }
    return count;
  }

  /** One top-level array of objects, read token by token: its items are skipped, not built. */
  private static long jsonArray(String where, Reader reader) throws IOException {
    try (JsonParser parser = JSON.createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return 0;
      }
      if (first != JsonToken.START_ARRAY) {
        throw invalid(
            where
                + " line "
                + parser.currentTokenLocation().getLineNr()
                + " begins a JSON "
                + kind(first)
                + ", not an array: write the items as one JSON array of objects, e.g."
                + " [{\"caseId\": \"1\"}, {\"caseId\": \"2\"}] (or set spec.itemsFrom.s3.format"
                + " to JSONL for one object per line).");
      }
      long count = 0;
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        if (token == null) {
          throw invalid(
              where + " ends inside its JSON array: close it with ], or upload the whole object.");
        }
        if (token != JsonToken.START_OBJECT) {
          throw invalid(
              where
                  + " line "
                  + parser.currentTokenLocation().getLineNr()
                  + ": item "
                  + count
                  + " of the array is a JSON "
                  + kind(token)
                  + ", not an object: write every item as an object, e.g. {\"caseId\": \"1\"}.");
        }
        parser.skipChildren();
        count++;
      }
      if (parser.nextToken() != null) {
        throw invalid(
            where
                + " line "
                + parser.currentTokenLocation().getLineNr()
                + " has more JSON after the array: put every item in the one array.");
      }
      return count;
    } catch (JsonParseException e) {
      throw invalid(
          where
              + " line "
              + e.getLocation().getLineNr()
              + " is not valid JSON ("
              + clip(e.getOriginalMessage())
              + "): fix the object so that it is one JSON array of objects.");
    }
  }

  /**
   * A header row, then rows of exactly the header's number of fields: a quoted field may hold the
   * delimiter, doubled quotes and newlines; blank lines are no rows, as the ItemReader reads them.
   */
  private static long csvRows(String where, Reader reader) throws IOException {
    try (CsvParser parser = CSV.getFactory().createParser(reader)) {
      parser.setSchema(CSV_ROWS);
      int headerFields = -1;
      long rows = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token != JsonToken.START_ARRAY) {
          continue;
        }
        // the row begins where its first field does (the array's own location is the row before)
        long line = -1;
        int fields = 0;
        boolean blank = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (fields++ == 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          blank = blank && parser.getText().isEmpty();
        }
        if (fields <= 1 && blank) {
          continue; // a blank line is no row (the parser gives it one empty field)
        }
        if (headerFields < 0) {
          headerFields = fields;
          continue;
        }
        if (fields != headerFields) {
          throw invalid(
              where
                  + " line "
                  + line
                  + " has "
                  + fields
                  + (fields == 1 ? " field" : " fields")
                  + " where the header has "
                  + headerFields
                  + ": give every row the header's columns (quote a value that holds a comma).");
        }
        rows++;
      }
      return rows;
    } catch (JsonProcessingException e) {
      throw invalid(
          where
              + " line "
              + e.getLocation().getLineNr()
              + " is not valid CSV ("
              + clip(e.getOriginalMessage())
              + "): close every quoted field with a quote, and double a quote inside one.");
    }
  }

  private static SpecProblemException invalid(String message) {
    return new SpecProblemException("InvalidItemsSource", "spec.itemsFrom.s3: " + message);
  }

  private static String example(S3ItemsObject.Format format) {
    return switch (format) {
      case JSONL -> "put one JSON object per line in it";
      case JSON -> "put a JSON array of objects in it";
      case CSV -> "put a header row and a row per item in it";
    };
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  private static String clip(String text) {
    String line = text == null ? "" : text.lines().findFirst().orElse("");
    return line.length() <= CLIP ? line : line.substring(0, CLIP) + "…";
  }

  /** A UTF-8 byte order mark is no part of the first item nor of the first header name. */
  private static Reader withoutBom(Reader reader) throws IOException {
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != BOM) {
      pushback.unread(first);
    }
    return pushback;
  }
}
