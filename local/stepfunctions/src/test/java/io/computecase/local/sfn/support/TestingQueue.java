package io.computecase.local.sfn.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SQS stand-in (JSON protocol) that keeps every SendMessage request, answering as SQS does. */
public final class TestingQueue implements AwsJsonService {
  private final List<JsonNode> sent = new CopyOnWriteArrayList<>();

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    if (!operation.equals("SendMessage")) {
      throw new AwsServiceException("UnsupportedOperation", "Unsupported operation " + operation);
    }
    if (request.path("QueueUrl").asText().endsWith("/missing")) {
      throw new AwsServiceException("QueueDoesNotExist", "The specified queue does not exist.");
    }
    sent.add(request);
    ObjectNode response = AwsJson.MAPPER.createObjectNode();
    response.put("MessageId", UUID.randomUUID().toString());
    response.put("MD5OfMessageBody", "d41d8cd98f00b204e9800998ecf8427e");
    return response;
  }

  public List<JsonNode> sent() {
    return List.copyOf(sent);
  }
}
