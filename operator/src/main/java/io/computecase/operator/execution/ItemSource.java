package io.computecase.operator.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.S3ItemsObject;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Where a case's items come from: items the operator stages in S3 itself (inline, generated or from
 * a ConfigMap), or a user's S3 object the Distributed Map reads as it is.
 */
public sealed interface ItemSource {

  /** How many items, when known before the start. */
  OptionalLong count();

  /** Whether the operator stages them itself (one PUT) or reads a user's object (one GET). */
  boolean staged();

  /**
   * Items the operator writes to S3 as JSON Lines before the start.
   *
   * @param items a fresh pass over the items at each call: a million generated items are never held
   *     at once, and a retried upload writes them again
   */
  record Staged(long size, Supplier<Iterator<ObjectNode>> items) implements ItemSource {
    @Override
    public OptionalLong count() {
      return OptionalLong.of(size);
    }

    @Override
    public boolean staged() {
      return true;
    }
  }

  /**
   * A user's object, read by the Distributed Map without being copied.
   *
   * @param size its items, as {@link S3ItemsPreflight} counted them before the start
   */
  record InS3(S3ItemsObject object, long size) implements ItemSource {
    @Override
    public OptionalLong count() {
      return OptionalLong.of(size);
    }

    @Override
    public boolean staged() {
      return false;
    }
  }
}
