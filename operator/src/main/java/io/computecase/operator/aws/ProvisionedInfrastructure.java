package io.computecase.operator.aws;

import java.util.Map;

/** What provisioning left in AWS: the state machine every case runs, and the known targets. */
public record ProvisionedInfrastructure(
    String stateMachineArn, Map<String, TargetResources> targets) {}
