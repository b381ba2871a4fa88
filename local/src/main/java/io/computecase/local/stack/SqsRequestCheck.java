package io.computecase.local.stack;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Checks one request of SQS's JSON protocol as SQS does before serving it: its {@code X-Amz-Target}
 * names an SQS operation, its body is one JSON object whose members have the JSON types of the
 * operation's input ({@link SqsShapes}), and a batch has entries. ElasticMQ answers these requests
 * wrongly, most with a 500 and a plain-text body, so they never reach it.
 *
 * <p>The body is read once with a streaming parser, keeping nothing: no tree, no strings.
 */
final class SqsRequestCheck {
  static final String TARGET_PREFIX = "AmazonSQS.";

  private final SqsShapes shapes;
  private final JsonFactory json;

  SqsRequestCheck(SqsShapes shapes, JsonFactory json) {
    this.shapes = shapes;
    this.json = json;
  }

  /**
   * Returns normally when ElasticMQ may serve the request; else throws the refusal SQS would
   * answer.
   *
   * @param target the {@code X-Amz-Target} header, or null when there is none
   */
  void check(String target, byte[] body, int offset, int length) throws SqsRefusal {
    SqsShapes.Operation operation = operation(target);
    int entries;
    try (JsonParser parser = json.createParser(body, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw SqsRefusal.serialization("The request body must be one JSON object");
      }
      entries =
          operation
              .input()
              .readCounting(parser, operation.batch() ? SqsShapes.BATCH_ENTRIES : null);
      if (parser.nextToken() != null) {
        throw SqsRefusal.serialization(
            "The request body must be one JSON object, with nothing after it");
      }
    } catch (JsonProcessingException e) {
      throw SqsRefusal.serialization(
          "The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw SqsRefusal.serialization("The request body cannot be read: " + e.getMessage());
    }
    if (operation.batch() && entries < 1) {
      throw SqsRefusal.emptyBatch(operation.entryType());
    }
  }

  private SqsShapes.Operation operation(String target) throws SqsRefusal {
    if (target == null || target.isEmpty()) {
      throw SqsRefusal.unknownOperation(
          "No X-Amz-Target header: SQS's JSON protocol names the operation as "
              + TARGET_PREFIX
              + "<Operation>");
    }
    SqsShapes.Operation operation =
        target.startsWith(TARGET_PREFIX)
            ? shapes.operation(target.substring(TARGET_PREFIX.length()))
            : null;
    if (operation == null) {
      throw SqsRefusal.unknownOperation(
          "X-Amz-Target "
              + (target.length() > 100 ? target.substring(0, 100) + "..." : target)
              + " names no SQS operation; expected "
              + TARGET_PREFIX
              + "<Operation>");
    }
    return operation;
  }
}
