package io.computecase.local.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for identifiers that must be unique but need not be secret: request IDs,
 * event IDs, execution names. {@link UUID#randomUUID()} draws on the shared SecureRandom, a lock
 * and often a read of /dev/urandom for each one; a fan-out makes several per item. Task tokens,
 * which must not be guessable, don't come from here.
 */
public final class Uuids {
  private Uuids() {}

  public static UUID random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(most, least);
  }
}
