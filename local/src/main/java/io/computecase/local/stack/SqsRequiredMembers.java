package io.computecase.local.stack;

import java.util.List;
import java.util.Map;

/**
 * The members SQS requires in each request and request structure, as the SQS API Reference marks
 * them ("Required: Yes"). The AWS SDK v2's SQS model does not carry this trait, so it is the one
 * table written by hand; ElasticMQ answers a request missing one of these with a 500. A batch's
 * absent {@code Entries} is not listed: SQS reads it as an empty batch (EmptyBatchRequest), as its
 * query protocol cannot tell the two apart.
 */
public final class SqsRequiredMembers {
  private static final Map<String, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry(
              "AddPermissionRequest", List.of("QueueUrl", "Label", "AWSAccountIds", "Actions")),
          Map.entry("CancelMessageMoveTaskRequest", List.of("TaskHandle")),
          Map.entry(
              "ChangeMessageVisibilityRequest",
              List.of("QueueUrl", "ReceiptHandle", "VisibilityTimeout")),
          Map.entry("ChangeMessageVisibilityBatchRequest", List.of("QueueUrl")),
          Map.entry("ChangeMessageVisibilityBatchRequestEntry", List.of("Id", "ReceiptHandle")),
          Map.entry("CreateQueueRequest", List.of("QueueName")),
          Map.entry("DeleteMessageRequest", List.of("QueueUrl", "ReceiptHandle")),
          Map.entry("DeleteMessageBatchRequest", List.of("QueueUrl")),
          Map.entry("DeleteMessageBatchRequestEntry", List.of("Id", "ReceiptHandle")),
          Map.entry("DeleteQueueRequest", List.of("QueueUrl")),
          Map.entry("GetQueueAttributesRequest", List.of("QueueUrl")),
          Map.entry("GetQueueUrlRequest", List.of("QueueName")),
          Map.entry("ListDeadLetterSourceQueuesRequest", List.of("QueueUrl")),
          Map.entry("ListMessageMoveTasksRequest", List.of("SourceArn")),
          Map.entry("ListQueueTagsRequest", List.of("QueueUrl")),
          Map.entry("MessageAttributeValue", List.of("DataType")),
          Map.entry("MessageSystemAttributeValue", List.of("DataType")),
          Map.entry("PurgeQueueRequest", List.of("QueueUrl")),
          Map.entry("ReceiveMessageRequest", List.of("QueueUrl")),
          Map.entry("RemovePermissionRequest", List.of("QueueUrl", "Label")),
          Map.entry("SendMessageRequest", List.of("QueueUrl", "MessageBody")),
          Map.entry("SendMessageBatchRequest", List.of("QueueUrl")),
          Map.entry("SendMessageBatchRequestEntry", List.of("Id", "MessageBody")),
          Map.entry("SetQueueAttributesRequest", List.of("QueueUrl", "Attributes")),
          Map.entry("StartMessageMoveTaskRequest", List.of("SourceArn")),
          Map.entry("TagQueueRequest", List.of("QueueUrl", "Tags")),
          Map.entry("UntagQueueRequest", List.of("QueueUrl", "TagKeys")));

  private SqsRequiredMembers() {}

  /** The members the structure of that SDK name requires, in the reference's order. */
  public static List<String> of(String structure) {
    return REQUIRED.getOrDefault(structure, List.of());
  }

  /** The structures with required members, for a test that each names one the SDK knows. */
  static Map<String, List<String>> all() {
    return REQUIRED;
  }
}
