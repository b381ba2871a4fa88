package io.computecase.operator.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of the spec fields fixed once a case started (all but maxConcurrency and
 * ttlSecondsAfterFinished), so the operator can refuse later changes to them itself.
 */
public final class SpecFingerprint {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private SpecFingerprint() {}

  public static String of(ComputeCaseSpec spec) {
    ObjectNode fixed = MAPPER.valueToTree(spec);
    fixed.remove("maxConcurrency");
    fixed.remove("ttlSecondsAfterFinished");
    try {
      byte[] canonical =
          MAPPER
              .writeValueAsString(MAPPER.treeToValue(fixed, Object.class))
              .getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
