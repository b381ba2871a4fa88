package io.computecase.operator.aws;

import io.computecase.api.v1alpha1.S3ItemsObject.Format;
import io.computecase.operator.config.OperatorConfig;
import io.computecase.operator.config.TargetKey;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.S3Exception;

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
    ensureBucket();
    StateMachineDefinition definition = StateMachineDefinition.load();
    StateMachineDeployer deployer = new StateMachineDeployer(aws.sfn());
    Map<Format, String> stateMachines = new EnumMap<>(Format.class);
    for (Format format : Format.values()) {
      stateMachines.put(
          format,
          deployer.deploy(
              StateMachineDefinition.name(config.stateMachineName(), format),
              definition.reading(format),
              config.stateMachineRoleArn()));
    }
    String stateMachineArn = stateMachines.get(Format.JSONL);
    LOG.info(
        "Provisioned bus {}, targets {}, state machines {}",
        config.busName(),
        targets.keySet(),
        stateMachines.values());
    return new ProvisionedInfrastructure(
        stateMachineArn, Map.copyOf(stateMachines), Map.copyOf(targets));
  }

  public TargetRouting routing() {
    return routing;
  }

  /**
   * Against a local S3 (an endpoint override), creates the bucket when it is missing, as the
   * embedded stack needs; in AWS the bucket comes with the install (CloudFormation) and the
   * operator may not create buckets.
   */
  private void ensureBucket() {
    if (config.s3Endpoint().isEmpty()) {
      return;
    }
    String bucket = config.requireS3Bucket();
    try {
      aws.s3().headBucket(r -> r.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      aws.s3().createBucket(r -> r.bucket(bucket));
      LOG.info("Created bucket {} on the local S3 {}", bucket, config.s3Endpoint().get());
    }
  }

  private void ensureBus() {
    try {
      aws.events().createEventBus(r -> r.name(config.busName()));
    } catch (ResourceAlreadyExistsException e) {
      // already there, as on every start after the first
    }
  }
}
