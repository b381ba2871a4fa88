package io.computecase.local.events.model;

import java.util.Map;

/**
 * A rule's target as PutTargets received it, with its input shaping compiled once ({@code
 * renderer}). Raw members are kept so that ListTargetsByRule answers exactly what was put.
 */
public record Target(
    String id,
    String arn,
    String roleArn,
    String input,
    String inputPath,
    Map<String, String> inputPathsMap,
    String inputTemplate,
    RetryPolicy retryPolicy,
    boolean retryPolicySet,
    String deadLetterArn,
    String messageGroupId,
    TargetInput renderer) {

  public boolean hasInputTransformer() {
    return inputTemplate != null;
  }
}
