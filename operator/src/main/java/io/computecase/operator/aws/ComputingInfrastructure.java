package io.computecase.operator.aws;

import io.computecase.operator.config.OperatorConfig;
import io.computecase.operator.config.TargetKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;

/**
 * Provisions what every case needs before the first one starts: the computing bus, each configured
 * target's queues and rule, and the state machine. Idempotent: run at every start.
 */
public final class ComputingInfrastructure {
  private static final Logger LOG = LoggerFactory.getLogger(ComputingInfrastructure.class);

  private final AwsClients aws;
  private final OperatorConfig config;
  private final TargetRouting routing;

  public ComputingInfrastructure(AwsClients aws, OperatorConfig config) {
    this.aws = aws;
    this.config = config;
    this.routing = new TargetRouting(aws.sqs(), aws.events(), config.busName(), config.awsNames());
  }

  /** Converges everything; returns the state machine ARN and the targets' resources. */
  public ProvisionedInfrastructure provision() {
    ensureBus();
    Map<String, TargetResources> targets = new LinkedHashMap<>();
    for (String target : config.targets()) {
      targets.put(
          target,
          routing.ensure(
              TargetKey.installWide(target),
              RoutingSettings.plain(target, config.maxReceiveCount())));
    }
    String stateMachineArn =
        new StateMachineDeployer(aws.sfn())
            .deploy(
                config.stateMachineName(),
                StateMachineDefinition.load(),
                config.stateMachineRoleArn());
    LOG.info(
        "Provisioned bus {}, targets {}, state machine {}",
        config.busName(),
        targets.keySet(),
        stateMachineArn);
    return new ProvisionedInfrastructure(stateMachineArn, Map.copyOf(targets));
  }

  public TargetRouting routing() {
    return routing;
  }

  private void ensureBus() {
    try {
      aws.events().createEventBus(r -> r.name(config.busName()));
    } catch (ResourceAlreadyExistsException e) {
      // already there, as on every start after the first
    }
  }
}
