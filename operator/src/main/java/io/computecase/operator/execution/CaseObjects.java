package io.computecase.operator.execution;

import io.computecase.api.v1alpha1.ComputeCase;

/**
 * The S3 keys of a case in the operator's bucket, derived from its namespace, name and uid: a case
 * deleted and created again under the same name gets new keys, and a lifecycle rule on {@code
 * cases/} or {@code results/} expires them.
 */
public final class CaseObjects {
  /** Where staged items live; the operator may put and delete here. */
  public static final String STAGED_PREFIX = "cases/";

  /** Where the Distributed Map writes results; the operator only reads here. */
  public static final String RESULTS_PREFIX = "results/";

  private CaseObjects() {}

  /** {@code cases/<namespace>/<name>/<uid>/items.jsonl}: the case's items as JSON Lines. */
  public static String itemsKey(ComputeCase cc) {
    return STAGED_PREFIX + path(cc) + "/items.jsonl";
  }

  /** {@code results/<namespace>/<name>/<uid>}: the ResultWriter's Prefix. */
  public static String resultsPrefix(ComputeCase cc) {
    return RESULTS_PREFIX + path(cc);
  }

  /**
   * The manifest Step Functions writes for a Map Run: {@code <prefix>/<Map Run id>/manifest.json},
   * the id being the last part of the Map Run's ARN.
   */
  public static String manifestKey(String resultsPrefix, String mapRunArn) {
    String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    return resultsPrefix + "/" + id + "/manifest.json";
  }

  private static String path(ComputeCase cc) {
    return cc.getMetadata().getNamespace()
        + "/"
        + cc.getMetadata().getName()
        + "/"
        + cc.getMetadata().getUid();
  }
}
