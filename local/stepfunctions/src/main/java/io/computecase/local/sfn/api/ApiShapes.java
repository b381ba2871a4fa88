package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Response pieces shared by the operations: timestamps, payload fields and page tokens. */
final class ApiShapes {
  private ApiShapes() {}

  static ObjectNode object() {
    return AwsJson.MAPPER.createObjectNode();
  }

  /** AWS JSON 1.0 timestamps are epoch seconds, with milliseconds as the fraction. */
  static void timestamp(ObjectNode node, String field, long millis) {
    if (millis > 0) {
      node.put(field, millis / 1000.0);
    }
  }

  /** The page of {@code all} that a request's maxResults/nextToken select, written to node. */
  static <T> List<T> page(List<T> all, Integer maxResults, String nextToken, ObjectNode response) {
    int size = maxResults == null || maxResults == 0 ? 100 : maxResults;
    if (size < 0 || size > 1000) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value '"
              + size
              + "' at 'maxResults' failed to satisfy constraint: Member must have value less than"
              + " or equal to 1000");
    }
    int from = 0;
    if (nextToken != null) {
      try {
        from =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new EngineException(
            EngineError.VALIDATION, "Invalid Token: 'the nextToken was not issued by this API'");
      }
    }
    int to = Math.min(all.size(), from + size);
    if (to < all.size()) {
      response.put(
          "nextToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8)));
    }
    return from >= all.size() ? List.of() : all.subList(from, to);
  }
}
