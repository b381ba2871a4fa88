package io.computecase.operator.aws;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/** Makes the named state machine exist with exactly the given definition, idempotently. */
public final class StateMachineDeployer {
  private static final Logger LOG = LoggerFactory.getLogger(StateMachineDeployer.class);
  private final SfnClient sfn;

  public StateMachineDeployer(SfnClient sfn) {
    this.sfn = sfn;
  }

  /** Creates the state machine, or updates it when its definition differs; returns its ARN. */
  public String deploy(String name, StateMachineDefinition definition, String roleArn) {
    String existing =
        sfn.listStateMachinesPaginator(r -> r.maxResults(1000)).stateMachines().stream()
            .filter(sm -> name.equals(sm.name()))
            .map(StateMachineListItem::stateMachineArn)
            .findFirst()
            .orElse(null);
    if (existing == null) {
      String arn =
          sfn.createStateMachine(
                  r ->
                      r.name(name)
                          .definition(definition.json())
                          .roleArn(roleArn)
                          .type(StateMachineType.STANDARD))
              .stateMachineArn();
      LOG.info("Created state machine {}", arn);
      return arn;
    }
    DescribeStateMachineResponse current =
        sfn.describeStateMachine(r -> r.stateMachineArn(existing));
    if (!definition.sameAs(current.definition())) {
      sfn.updateStateMachine(r -> r.stateMachineArn(existing).definition(definition.json()));
      LOG.info("Updated the definition of state machine {}", existing);
    }
    return existing;
  }
}
