package io.computecase.local.kube.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Finds the collection URL path (e.g. /apis/g/v/namespaces/ns/plural) an object is stored under.
 */
public interface ResourcePaths {

  /**
   * The collection path of {@code object}; {@code requestPath} is the path it was written through,
   * used when the object's kind is unknown.
   */
  String collectionPath(ObjectNode object, String requestPath);
}
