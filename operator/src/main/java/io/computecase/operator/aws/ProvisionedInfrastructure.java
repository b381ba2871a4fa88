package io.computecase.operator.aws;

import io.computecase.api.v1alpha1.S3ItemsObject.Format;
import java.util.Map;

/**
 * What provisioning left in AWS: the state machine every case runs (reading JSON Lines), its
 * variants by item format, and the known targets.
 */
public record ProvisionedInfrastructure(
    String stateMachineArn,
    Map<Format, String> stateMachineArns,
    Map<String, TargetResources> targets) {}
