package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The math intrinsics: States.MathRandom (optionally seeded) and States.MathAdd, on 32-bit
 * integers.
 */
final class MathIntrinsics {
  private MathIntrinsics() {}

  /** A number from start (inclusive) to end (exclusive); the same seed gives the same number. */
  static JsonNode random(IntrinsicArguments args) {
    args.expectCountBetween(2, 3);
    int start = args.roundedInt32(0);
    int end = args.roundedInt32(1);
    if (end <= start) {
      throw args.failure(
          "The end ("
              + end
              + ") given to States.MathRandom must be greater than the start ("
              + start
              + ")");
    }
    long bound = (long) end - start;
    long offset;
    if (args.size() == 3) {
      Random seeded = new Random(args.rounded(2));
      offset =
          bound <= Integer.MAX_VALUE
              ? seeded.nextInt((int) bound)
              : Math.floorMod(seeded.nextLong(), bound);
    } else {
      offset = ThreadLocalRandom.current().nextLong(bound);
    }
    return ArrayIntrinsics.number(start + offset);
  }

  static JsonNode add(IntrinsicArguments args) {
    args.expectCount(2);
    // The sum of two 32-bit values may leave 32 bits; it is given whole, not wrapped.
    long sum = (long) args.roundedInt32(0) + args.roundedInt32(1);
    return ArrayIntrinsics.number(sum);
  }
}
