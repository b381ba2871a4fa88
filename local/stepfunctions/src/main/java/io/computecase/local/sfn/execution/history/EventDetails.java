package io.computecase.local.sfn.execution.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The details of one history event, kept as small records holding references (not copies) to the
 * payloads, and rendered in AWS's shape only when history is read.
 */
public sealed interface EventDetails {
  /** AWS's details object; payloads are left out when {@code includeData} is false. */
  ObjectNode render(boolean includeData);

  private static ObjectNode node() {
    return AwsJson.MAPPER.createObjectNode();
  }

  private static void payload(ObjectNode node, String field, JsonNode value, boolean includeData) {
    if (includeData) {
      node.put(field, value == null ? "null" : value.toString());
      node.putObject(field + "Details").put("truncated", false);
    }
  }

  /** ExecutionStarted. */
  record ExecutionStarted(JsonNode input, String roleArn) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = node();
      payload(n, "input", input, includeData);
      n.put("roleArn", roleArn);
      return n;
    }
  }

  /** ExecutionSucceeded. */
  record Output(JsonNode output) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = node();
      payload(n, "output", output, includeData);
      return n;
    }
  }

  /** Failures of executions, map runs and states: error and cause. */
  record Error(String error, String cause) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = node();
      if (error != null) {
        n.put("error", error);
      }
      if (cause != null) {
        n.put("cause", cause);
      }
      return n;
    }
  }

  /**
   * Details read back from a snapshot or a spill file, kept as AWS renders them with data; without
   * data, each payload field (the one with a sibling {@code <field>Details}, and TaskScheduled's
   * parameters) is left out as it was first.
   */
  record Restored(ObjectNode rendered) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = rendered.deepCopy();
      if (!includeData) {
        List<String> payloads = new ArrayList<>();
        n.fieldNames()
            .forEachRemaining(
                f -> {
                  if (n.has(f + "Details")) {
                    payloads.add(f);
                  }
                });
        for (String f : payloads) {
          n.remove(f);
          n.remove(f + "Details");
        }
        // TaskScheduled's parameters are data too, though AWS gives them no details sibling.
        n.remove("parameters");
      }
      return n;
    }
  }

  /** Any XStateEntered. */
  record StateEntered(String name, JsonNode input) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = node();
      n.put("name", name);
      payload(n, "input", input, includeData);
      return n;
    }
  }

  /** Any XStateExited. */
  record StateExited(String name, JsonNode output) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = node();
      n.put("name", name);
      payload(n, "output", output, includeData);
      return n;
    }
  }

  /**
   * TaskScheduled. The parameters are kept as JSON text: nothing else holds them once sent, and
   * text is far smaller than a tree while a task waits.
   */
  record TaskScheduled(
      String resourceType,
      String resource,
      String region,
      String parameters,
      Long timeoutInSeconds,
      Long heartbeatInSeconds)
      implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = node();
      n.put("resourceType", resourceType);
      n.put("resource", resource);
      n.put("region", region);
      if (includeData) {
        n.put("parameters", parameters);
      }
      if (timeoutInSeconds != null) {
        n.put("timeoutInSeconds", timeoutInSeconds);
      }
      if (heartbeatInSeconds != null) {
        n.put("heartbeatInSeconds", heartbeatInSeconds);
      }
      return n;
    }
  }

  /** TaskStarted. */
  record TaskStarted(String resourceType, String resource) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = node();
      n.put("resourceType", resourceType);
      n.put("resource", resource);
      return n;
    }
  }

  /** TaskSubmitted and TaskSucceeded; the output kept as JSON text (see TaskScheduled). */
  record TaskOutput(String resourceType, String resource, String output) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = node();
      n.put("resourceType", resourceType);
      n.put("resource", resource);
      if (includeData) {
        n.put("output", output);
        n.putObject("outputDetails").put("truncated", false);
      }
      return n;
    }
  }

  /** TaskFailed, TaskTimedOut, TaskStartFailed, TaskSubmitFailed. */
  record TaskError(String resourceType, String resource, String error, String cause)
      implements EventDetails {
    public ObjectNode render(boolean includeData) {
      ObjectNode n = new Error(error, cause).render(includeData);
      n.put("resourceType", resourceType);
      n.put("resource", resource);
      return n;
    }
  }

  /** MapStateStarted. */
  record MapStateStarted(int length) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      return node().put("length", length);
    }
  }

  /** MapIterationStarted/Succeeded/Failed/Aborted. */
  record MapIteration(String name, int index) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      return node().put("name", name).put("index", index);
    }
  }

  /** MapRunStarted. */
  record MapRunStarted(String mapRunArn) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      return node().put("mapRunArn", mapRunArn);
    }
  }

  /** ExecutionRedriven. */
  record Redriven(int redriveCount) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      return node().put("redriveCount", redriveCount);
    }
  }

  /** MapRunRedriven. */
  record MapRunRedriven(String mapRunArn, int redriveCount) implements EventDetails {
    public ObjectNode render(boolean includeData) {
      return node().put("mapRunArn", mapRunArn).put("redriveCount", redriveCount);
    }
  }
}
