package io.computecase.local.kube.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One committed change to a stored resource, in commit order, as watches and persistence see it.
 */
public record ResourceChange(
    Type type, String collectionPath, ObjectNode object, long resourceVersion) {

  /** The watch event types of the Kubernetes API. */
  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }
}
