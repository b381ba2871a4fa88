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

  /** How many items, when known before the start (an S3 object's are counted by the Map Run). */
  OptionalLong count();

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
  }

  /** A user's object, read by the Distributed Map without being copied. */
  record InS3(S3ItemsObject object) implements ItemSource {
    @Override
    public OptionalLong count() {
      return OptionalLong.empty();
    }
  }
}
