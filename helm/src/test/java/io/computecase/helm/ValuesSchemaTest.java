package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.computecase.helm.chart.RenderedChart;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json refuses bad values before anything is rendered, naming the field. */
class ValuesSchemaTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "operator.replicas | 0 | operator.replicas",
        "aws.region | Europe | aws.region",
        "aws.busName | my bus | aws.busName",
        "aws.stateMachineRoleArn | computecase-role | aws.stateMachineRoleArn",
        "aws.endpoints.sqs | localhost:9324 | aws.endpoints.sqs",
        "rbac.scope | global | rbac.scope",
        "operator.image.pullPolicy | Sometimes | operator.image.pullPolicy",
        "operator.httpPort | 80 | operator.httpPort",
        "defaultTargets[0].name | Big_Target | defaultTargets.0.name",
        "serviceAccounts.operator.annotations.eks\\.amazonaws\\.com/role-arn | computecase-operator"
            + " | serviceAccounts.operator.annotations.eks.amazonaws.com/role-arn",
        "serviceMonitor.interval | often | serviceMonitor.interval",
        "operator.replica | 2 | replica",
        "defaultTargets[0].spec.concurency | 5 | concurency",
        "defaultTargets[0].spec.concurrency | 0 | defaultTargets.0.spec.concurrency",
        "defaultTargets[0].spec.maxReceiveCount | 0 | defaultTargets.0.spec.maxReceiveCount",
        "aws.accountId | 12345 | aws.accountId",
        "aws.s3.bucket | My_Bucket | aws.s3.bucket",
        "aws.endpoints.s3 | localhost:9000 | aws.endpoints.s3",
      })
  void refusesABadValueNamingTheField(String key, String value, String field) {
    assertThatThrownBy(() -> RenderedChart.render(List.of(), Map.of(key, value)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(field);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "aws.region | ap-southeast-2",
        "aws.region | us-gov-west-1",
        "aws.stateMachineRoleArn | arn:aws-cn:iam::123456789012:role/path/computecase",
        "aws.endpoints.sqs | https://sqs.eu-west-1.amazonaws.com",
        "rbac.scope | namespaced",
        "aws.s3.bucket | computecase-123456789012-eu-west-1",
      })
  void acceptsGoodValues(String key, String value) {
    assertThat(RenderedChart.render(List.of(), Map.of(key, value)).resources()).isNotEmpty();
  }
}
