package io.computecase.local.kube.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one bearer token the embedded API server accepts: 256 random bits, kept in the data directory
 * (mode 0600) so kubeconfigs stay valid across restarts, or made anew on each start without one.
 */
public final class BearerToken {

  static final String FILE = "token";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;
  private final byte[] bytes;

  private BearerToken(String value) {
    this.value = value;
    this.bytes = value.getBytes(StandardCharsets.US_ASCII);
  }

  /** A token for this start only. */
  public static BearerToken generate() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return new BearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  /** The token kept in {@code dir}, made and written there (mode 0600) the first time. */
  public static BearerToken loadOrCreate(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (stored.matches("[A-Za-z0-9_-]{43,}")) {
          return new BearerToken(stored);
        }
        // damaged or emptied: a new token, and kubeconfigs are written again on start anyway
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the API server token " + file, e);
    }
    BearerToken token = generate();
    OwnerOnlyFiles.write(file, token.value + "\n");
    return token;
  }

  public String value() {
    return value;
  }

  /**
   * Whether an Authorization header carries this token. The comparison takes the same time wherever
   * the first wrong character is, so timing does not reveal the token bit by bit.
   */
  public boolean matches(String authorization) {
    if (authorization == null) {
      return false;
    }
    String header = authorization.strip();
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      return false;
    }
    byte[] given = header.substring(space + 1).strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(bytes, given);
  }

  @Override
  public String toString() {
    return "BearerToken[redacted]";
  }
}
