package io.computecase.operator.aws;

import io.computecase.operator.config.TargetKey;

/** The AWS resources routing one compute target's items to its workers. */
public record TargetResources(
    TargetKey target,
    String queueUrl,
    String queueArn,
    String deadLetterQueueUrl,
    String ruleArn) {}
