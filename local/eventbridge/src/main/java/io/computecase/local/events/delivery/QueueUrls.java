package io.computecase.local.events.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves SQS queue ARNs to queue URLs through GetQueueUrl, once per queue; a URL is forgotten
 * when the queue turns out not to exist, so a re-created queue is found again.
 */
final class QueueUrls {
  private final AwsJsonService sqs;
  private final ConcurrentHashMap<String, String> urls = new ConcurrentHashMap<>();

  QueueUrls(AwsJsonService sqs) {
    this.sqs = sqs;
  }

  String url(String queueArn) {
    String cached = urls.get(queueArn);
    if (cached != null) {
      return cached;
    }
    String name =
        ResourceArns.parse(queueArn)
            .map(ResourceArns.ParsedArn::resource)
            .orElseThrow(
                () ->
                    new AwsServiceException(
                        "InvalidParameterValue", "Not a queue ARN: " + queueArn));
    ObjectNode request = AwsJson.MAPPER.createObjectNode().put("QueueName", name);
    String url = sqs.invoke("GetQueueUrl", request).path("QueueUrl").asText();
    urls.put(queueArn, url);
    return url;
  }

  void forget(String queueArn) {
    urls.remove(queueArn);
  }
}
