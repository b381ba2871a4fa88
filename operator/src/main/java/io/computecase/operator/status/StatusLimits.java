package io.computecase.operator.status;

import io.computecase.api.v1alpha1.Attempt;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.ItemFailure;
import io.computecase.api.v1alpha1.Summary;
import io.fabric8.kubernetes.api.model.Condition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Bounds on every string and list of a case's status, so that it stays under 16 KiB of JSON
 * whatever happens: a million items, twenty failures each with a 32 KiB cause, redriven again and
 * again. A status that grew with the case would slow every watch of it and, past the API server's
 * request limit, could no longer be written at all.
 */
public final class StatusLimits {
  /** The status's JSON size a case never exceeds. */
  public static final int MAX_STATUS_BYTES = 16 * 1024;

  static final int MESSAGE_BYTES = 400;
  static final int REASON_BYTES = 64;
  static final int ERROR_BYTES = 80;
  static final int CAUSE_BYTES = 160;
  static final int CASE_ID_BYTES = 48;
  static final int MAX_FAILURES = 20;
  static final int MAX_ATTEMPTS = 10;
  static final int REDRIVE_REQUEST_BYTES = 64;
  private static final String ELLIPSIS = "…";

  private StatusLimits() {}

  /** The status with every unbounded string clipped and every list capped, in place. */
  static ComputeCaseStatus bound(ComputeCaseStatus s) {
    s.setMessage(clip(s.getMessage(), MESSAGE_BYTES));
    if (s.getConditions() != null) {
      for (Condition c : s.getConditions()) {
        c.setMessage(clip(c.getMessage(), MESSAGE_BYTES));
        c.setReason(clip(c.getReason(), REASON_BYTES));
      }
    }
    Summary summary = s.getSummary();
    if (summary != null && summary.getFailures() != null) {
      List<ItemFailure> failures = new ArrayList<>();
      for (ItemFailure f : summary.getFailures()) {
        if (failures.size() == MAX_FAILURES) {
          break;
        }
        failures.add(
            new ItemFailure(
                f.getIndex(),
                clip(f.getCaseId(), CASE_ID_BYTES),
                clip(f.getError(), ERROR_BYTES),
                clip(f.getCause(), CAUSE_BYTES)));
      }
      summary.setFailures(failures);
    }
    List<Attempt> attempts = s.getAttempts();
    if (attempts != null && attempts.size() > MAX_ATTEMPTS) {
      s.setAttempts(
          new ArrayList<>(attempts.subList(attempts.size() - MAX_ATTEMPTS, attempts.size())));
    }
    return s;
  }

  /**
   * What status.redriveRequest holds for an annotation value: the value, or a digest of a long one,
   * so that a long value is still recognized as already acted on.
   */
  public static String redriveRequest(String annotation) {
    if (annotation == null || jsonBytes(annotation) <= REDRIVE_REQUEST_BYTES) {
      return annotation;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(annotation.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The string cut, at a code point, so that it takes at most this many bytes as a JSON string's
   * contents (UTF-8, escapes counted), ending in an ellipsis when cut.
   */
  static String clip(String text, int maxBytes) {
    if (text == null || jsonBytes(text) <= maxBytes) {
      return text;
    }
    int budget = maxBytes - jsonBytes(ELLIPSIS);
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int cost = bytes(codePoint);
      if (used + cost > budget) {
        break;
      }
      out.appendCodePoint(codePoint);
      used += cost;
      i += Character.charCount(codePoint);
    }
    return out.append(ELLIPSIS).toString();
  }

  static int jsonBytes(String text) {
    int total = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      total += bytes(codePoint);
      i += Character.charCount(codePoint);
    }
    return total;
  }

  /** A code point's bytes inside a JSON string, at worst: a control character is \\u00XX. */
  private static int bytes(int codePoint) {
    if (codePoint == '"' || codePoint == '\\') {
      return 2;
    }
    if (codePoint < 0x20) {
      return 6;
    }
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    if (codePoint < 0x10000) {
      // a lone surrogate would be written as an escape
      return Character.isSurrogate((char) codePoint) ? 6 : 3;
    }
    return 4;
  }
}
