package io.computecase.local.events.api;

import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Pages of a name-ordered listing: Limit items after the NextToken, which is the last name returned
 * (opaque to callers), so pages stay correct while items are added or removed.
 */
final class PageTokens {
  private PageTokens() {}

  /** One page and the token for the next, or a null token on the last page. */
  record Page<T>(List<T> items, String nextToken) {}

  static <T> Page<T> page(List<T> sorted, Function<T, String> name, RequestFields fields) {
    int limit =
        fields
            .optionalInt("Limit")
            .map(l -> MemberConstraints.range("limit", l, 1, 100))
            .orElse(100);
    String after = fields.optionalString("NextToken").map(PageTokens::decode).orElse(null);
    List<T> items = new ArrayList<>();
    boolean more = false;
    for (T item : sorted) {
      if (after != null && name.apply(item).compareTo(after) <= 0) {
        continue;
      }
      if (items.size() == limit) {
        more = true;
        break;
      }
      items.add(item);
    }
    String next = more ? encode(name.apply(items.get(items.size() - 1))) : null;
    return new Page<>(items, next);
  }

  private static String encode(String name) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("after:" + name).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("after:")) {
        return text.substring("after:".length());
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw AwsServiceException.validation(
        "The NextToken '"
            + token
            + "' is not valid; pass the NextToken of the previous answer, or none to start over.");
  }
}
