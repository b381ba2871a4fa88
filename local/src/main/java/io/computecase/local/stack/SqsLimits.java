package io.computecase.local.stack;

import org.elasticmq.Limit;
import org.elasticmq.LimitedValue;
import org.elasticmq.Limits;
import org.elasticmq.RangeLimit;
import org.elasticmq.StrictSQSLimits$;
import scala.collection.immutable.List;
import scala.collection.immutable.List$;
import scala.math.BigDecimal;
import scala.math.Ordering;

/**
 * AWS's SQS limits, as ElasticMQ's strict limits give them, with the check of a message body's
 * characters done in one step per character.
 *
 * <p>SQS takes a body made of {@code #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD |
 * #x10000-#x10FFFF}. ElasticMQ holds these as six ranges and tries them in turn for each character,
 * boxing it for each comparison: for the 1 KB events of a fan-out this was a tenth of the whole
 * stack's CPU. Here the same set is one range whose test is the set itself, so a body is accepted
 * or refused ({@code InvalidMessageContents}) exactly as before.
 */
final class SqsLimits {
  private SqsLimits() {}

  /** ElasticMQ's strict (AWS) limits with the faster body character check. */
  static Limits strict() {
    return new Strict(StrictSQSLimits$.MODULE$);
  }

  /** True when SQS takes {@code codePoint} in a message body. */
  static boolean validBodyCharacter(int codePoint) {
    if (codePoint >= 0x20) {
      return codePoint <= 0xD7FF
          || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
          || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }
    return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD;
  }

  /** One "range" covering the whole set of valid characters: ElasticMQ asks only isBetween. */
  private static final class BodyCharacters extends RangeLimit<Object> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unchecked")
    BodyCharacters() {
      super(0x9, 0x10FFFF, (Ordering<Object>) (Ordering<?>) Ordering.Int$.MODULE$);
    }

    @Override
    public boolean isBetween(Object codePoint) {
      return codePoint instanceof Integer value && validBodyCharacter(value);
    }
  }

  private static final class Strict implements Limits {
    private final Limits strict;
    private final Limit<List<RangeLimit<Object>>> bodyCharacters;

    Strict(Limits strict) {
      this.strict = strict;
      this.bodyCharacters =
          new LimitedValue<>(List$.MODULE$.empty().$colon$colon(new BodyCharacters()));
    }

    @Override
    public Limit<List<RangeLimit<Object>>> bodyValidCharactersLimit() {
      return bodyCharacters;
    }

    @Override
    public Limit<Object> queueNameLengthLimit() {
      return strict.queueNameLengthLimit();
    }

    @Override
    public Limit<Object> batchSizeLimit() {
      return strict.batchSizeLimit();
    }

    @Override
    public Limit<RangeLimit<Object>> numberOfMessagesLimit() {
      return strict.numberOfMessagesLimit();
    }

    @Override
    public Limit<Object> nonEmptyAttributesLimit() {
      return strict.nonEmptyAttributesLimit();
    }

    @Override
    public Limit<RangeLimit<BigDecimal>> numberAttributeValueLimit() {
      return strict.numberAttributeValueLimit();
    }

    @Override
    public Limit<RangeLimit<Object>> messageWaitTimeLimit() {
      return strict.messageWaitTimeLimit();
    }

    @Override
    public Limit<Object> maxMessageLength() {
      return strict.maxMessageLength();
    }

    @Override
    public Limit<Object> messageAttributesLimit() {
      return strict.messageAttributesLimit();
    }
  }
}
