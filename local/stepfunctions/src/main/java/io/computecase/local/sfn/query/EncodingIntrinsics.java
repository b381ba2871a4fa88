package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The encoding intrinsics: States.Base64Encode, States.Base64Decode and States.Hash. */
final class EncodingIntrinsics {
  /** AWS limits the data given to these intrinsics to 10,000 characters. */
  static final int MAX_INPUT_CHARACTERS = 10_000;

  static final List<String> HASH_ALGORITHMS =
      List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private EncodingIntrinsics() {}

  static JsonNode base64Encode(IntrinsicArguments args) {
    args.expectCount(1);
    String data = limited(args, 0);
    return new TextNode(Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
  }

  static JsonNode base64Decode(IntrinsicArguments args) {
    args.expectCount(1);
    String data = limited(args, 0);
    try {
      return new TextNode(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw args.failure(
          "The value given to States.Base64Decode is not valid Base64: " + e.getMessage());
    }
  }

  static JsonNode hash(IntrinsicArguments args) {
    args.expectCount(2);
    JsonNode value = args.get(0);
    String data = value.isTextual() ? value.textValue() : value.toString();
    if (data.length() > MAX_INPUT_CHARACTERS) {
      throw tooLong(args, data.length());
    }
    String algorithm = args.string(1);
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw args.failure(
          "The hash algorithm '"
              + algorithm
              + "' given to States.Hash is not supported; use one of "
              + HASH_ALGORITHMS);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return new TextNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks " + algorithm, e);
    }
  }

  private static String limited(IntrinsicArguments args, int index) {
    String data = args.string(index);
    if (data.length() > MAX_INPUT_CHARACTERS) {
      throw tooLong(args, data.length());
    }
    return data;
  }

  private static QueryException tooLong(IntrinsicArguments args, int length) {
    return args.failure(
        "The value given to "
            + args.function()
            + " has "
            + length
            + " characters; the maximum is "
            + MAX_INPUT_CHARACTERS);
  }
}
