package io.computecase.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
  @Test
  void theyAreVersionFourInTheIetfVariantAndDoNotRepeat() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      UUID uuid = Uuids.random();
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(seen.add(uuid)).as("repeated %s", uuid).isTrue();
    }
    assertThat(UUID.fromString(Uuids.random().toString()).version()).isEqualTo(4);
  }
}
