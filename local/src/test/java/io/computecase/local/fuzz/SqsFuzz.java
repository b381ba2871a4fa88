package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.stack.SqsRequiredMembers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed calls to SQS (the embedded SQS endpoint, in SQS's JSON protocol): the generic barrage
 * over a sample of every operation, members of the wrong JSON type included, plus batches with no
 * entries and sizes and counts SQS bounds. Samples name the fuzz's own queues, never the
 * operator's; the ones that delete or purge name a queue of their own.
 */
final class SqsFuzz {
  private final AwsJsonEndpoint api;
  private String queueUrl;
  private String victimUrl;

  SqsFuzz(AwsJsonEndpoint api) {
    this.api = api;
  }

  /** The queues the samples name. */
  void prepare() {
    queueUrl =
        api.ok("CreateQueue", object().put("QueueName", "fuzz-queue").toString())
            .path("QueueUrl")
            .asText();
    victimUrl =
        api.ok("CreateQueue", object().put("QueueName", "fuzz-victim").toString())
            .path("QueueUrl")
            .asText();
  }

  /** Valid calls that must still succeed after the barrage. */
  void stillServes() {
    api.ok(
        "SendMessage",
        object().put("QueueUrl", queueUrl).put("MessageBody", "after the barrage").toString());
    api.ok("GetQueueAttributes", object().put("QueueUrl", queueUrl).toString());
  }

  List<AwsCall> calls(MalformedBodies bodies) {
    List<AwsCall> calls = new ArrayList<>(AwsJsonFuzz.calls(api, samples(), bodies));
    // every sample without each member SQS requires: ElasticMQ answered those with a 500
    for (var sample : samples().entrySet()) {
      for (String member : SqsRequiredMembers.of(sample.getKey() + "Request")) {
        ObjectNode without = sample.getValue().deepCopy();
        without.remove(member);
        calls.add(
            AwsCall.post(
                sample.getKey() + " without " + member,
                api.target(sample.getKey()),
                without.toString()));
      }
    }
    for (String batch :
        List.of("SendMessageBatch", "DeleteMessageBatch", "ChangeMessageVisibilityBatch")) {
      ObjectNode noEntries = object().put("QueueUrl", queueUrl);
      noEntries.putArray("Entries");
      calls.add(AwsCall.post(batch + " with no entries", api.target(batch), noEntries.toString()));
      calls.add(
          AwsCall.post(
              batch + " without Entries",
              api.target(batch),
              object().put("QueueUrl", queueUrl).toString()));
    }
    calls.add(
        AwsCall.post(
            "SendMessage body over 256 KiB",
            api.target("SendMessage"),
            object()
                .put("QueueUrl", queueUrl)
                .put("MessageBody", MalformedBodies.huge(300_000))
                .toString()));
    calls.add(
        AwsCall.post(
            "SendMessage empty body",
            api.target("SendMessage"),
            object().put("QueueUrl", queueUrl).put("MessageBody", "").toString()));
    calls.add(
        AwsCall.post(
            "SendMessage DelaySeconds over 900",
            api.target("SendMessage"),
            object()
                .put("QueueUrl", queueUrl)
                .put("MessageBody", "m")
                .put("DelaySeconds", 901)
                .toString()));
    calls.add(
        AwsCall.post(
            "ReceiveMessage MaxNumberOfMessages over 10",
            api.target("ReceiveMessage"),
            object().put("QueueUrl", queueUrl).put("MaxNumberOfMessages", 11).toString()));
    calls.add(
        AwsCall.post(
            "CreateQueue name of 10,000 characters",
            api.target("CreateQueue"),
            object().put("QueueName", MalformedBodies.huge(10_000)).toString()));
    calls.add(
        AwsCall.post(
            "CreateQueue name with a space",
            api.target("CreateQueue"),
            object().put("QueueName", "a b").toString()));
    calls.add(
        AwsCall.post(
            "GetQueueUrl of a queue that is not there",
            api.target("GetQueueUrl"),
            object().put("QueueName", "fuzz-absent").toString()));
    ObjectNode tooMany = object().put("QueueUrl", queueUrl);
    for (int i = 0; i < 11; i++) {
      tooMany.withArray("Entries").addObject().put("Id", "m" + i).put("MessageBody", "m");
    }
    calls.add(
        AwsCall.post(
            "SendMessageBatch 11 entries", api.target("SendMessageBatch"), tooMany.toString()));
    return calls;
  }

  private Map<String, ObjectNode> samples() {
    Map<String, ObjectNode> samples = new LinkedHashMap<>();
    ObjectNode create = object().put("QueueName", "fuzz-created");
    create.putObject("Attributes").put("VisibilityTimeout", "30");
    samples.put("CreateQueue", create);
    samples.put("GetQueueUrl", object().put("QueueName", "fuzz-queue"));
    samples.put("ListQueues", object().put("QueueNamePrefix", "fuzz").put("MaxResults", 10));
    samples.put("DeleteQueue", object().put("QueueUrl", victimUrl));
    samples.put("PurgeQueue", object().put("QueueUrl", victimUrl));
    ObjectNode send =
        object().put("QueueUrl", queueUrl).put("MessageBody", "m").put("DelaySeconds", 0);
    send.putObject("MessageAttributes")
        .putObject("a")
        .put("DataType", "String")
        .put("StringValue", "v");
    samples.put("SendMessage", send);
    ObjectNode sendBatch = object().put("QueueUrl", queueUrl);
    sendBatch.putArray("Entries").addObject().put("Id", "m1").put("MessageBody", "m");
    samples.put("SendMessageBatch", sendBatch);
    samples.put(
        "ReceiveMessage",
        object()
            .put("QueueUrl", queueUrl)
            .put("MaxNumberOfMessages", 1)
            .put("VisibilityTimeout", 0)
            .put("WaitTimeSeconds", 0));
    samples.put(
        "DeleteMessage", object().put("QueueUrl", queueUrl).put("ReceiptHandle", "fuzz-receipt"));
    ObjectNode deleteBatch = object().put("QueueUrl", queueUrl);
    deleteBatch
        .putArray("Entries")
        .addObject()
        .put("Id", "m1")
        .put("ReceiptHandle", "fuzz-receipt");
    samples.put("DeleteMessageBatch", deleteBatch);
    samples.put(
        "ChangeMessageVisibility",
        object()
            .put("QueueUrl", queueUrl)
            .put("ReceiptHandle", "fuzz-receipt")
            .put("VisibilityTimeout", 0));
    ObjectNode visibilityBatch = object().put("QueueUrl", queueUrl);
    visibilityBatch
        .putArray("Entries")
        .addObject()
        .put("Id", "m1")
        .put("ReceiptHandle", "fuzz-receipt")
        .put("VisibilityTimeout", 0);
    samples.put("ChangeMessageVisibilityBatch", visibilityBatch);
    ObjectNode attributes = object().put("QueueUrl", queueUrl);
    attributes.putArray("AttributeNames").add("All");
    samples.put("GetQueueAttributes", attributes);
    ObjectNode set = object().put("QueueUrl", queueUrl);
    set.putObject("Attributes").put("VisibilityTimeout", "30");
    samples.put("SetQueueAttributes", set);
    ObjectNode tag = object().put("QueueUrl", queueUrl);
    tag.putObject("Tags").put("k", "v");
    samples.put("TagQueue", tag);
    ObjectNode untag = object().put("QueueUrl", queueUrl);
    untag.putArray("TagKeys").add("k");
    samples.put("UntagQueue", untag);
    samples.put("ListQueueTags", object().put("QueueUrl", queueUrl));
    samples.put("ListDeadLetterSourceQueues", object().put("QueueUrl", queueUrl));
    return samples;
  }

  private static ObjectNode object() {
    return MalformedBodies.JSON.createObjectNode();
  }
}
