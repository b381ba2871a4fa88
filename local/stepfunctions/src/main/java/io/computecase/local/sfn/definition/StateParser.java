package io.computecase.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.integration.TaskResource;
import io.computecase.local.sfn.query.ChoiceRules;
import io.computecase.local.sfn.query.QueryLanguage;
import io.computecase.local.sfn.states.ChoiceBranch;
import io.computecase.local.sfn.states.ChoiceState;
import io.computecase.local.sfn.states.FailState;
import io.computecase.local.sfn.states.NumberSource;
import io.computecase.local.sfn.states.ParallelState;
import io.computecase.local.sfn.states.PassState;
import io.computecase.local.sfn.states.State;
import io.computecase.local.sfn.states.StateFields;
import io.computecase.local.sfn.states.StateGraph;
import io.computecase.local.sfn.states.SucceedState;
import io.computecase.local.sfn.states.TaskState;
import io.computecase.local.sfn.states.WaitState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Builds one state from its JSON, reporting each malformed field with its location. */
final class StateParser {
  private final DefinitionParser graphs;
  private final Diagnostics diagnostics;
  private final FieldReader read;
  private final RecoveryParser recovery;

  StateParser(DefinitionParser graphs, Diagnostics diagnostics) {
    this.graphs = graphs;
    this.diagnostics = diagnostics;
    this.read = new FieldReader(diagnostics);
    this.recovery = new RecoveryParser(diagnostics, read);
  }

  State parse(String name, JsonNode node, QueryLanguage inherited, String location) {
    if (!node.isObject()) {
      diagnostics.schema("A state must be a JSON object", location);
      return null;
    }
    JsonNode typeNode = node.get("Type");
    if (typeNode == null
        || !typeNode.isTextual()
        || !StateFieldRules.TYPES.contains(typeNode.asText())) {
      diagnostics.schema(
          "The field 'Type' must be one of [Pass, Task, Choice, Wait, Succeed, Fail, Parallel,"
              + " Map]",
          location + "/Type");
      return null;
    }
    String type = typeNode.asText();
    QueryLanguage language = graphs.language(node, inherited, location);
    checkFields(node, type, language, location);
    StateFields fields = fields(name, type, node, language, location);
    return switch (type) {
      case "Pass" -> new PassState(fields, node.get("Result"));
      case "Succeed" -> new SucceedState(fields);
      case "Fail" ->
          new FailState(
              fields,
              node.get("Error"),
              node.get("Cause"),
              read.pathOrIntrinsic(node, "ErrorPath", location),
              read.pathOrIntrinsic(node, "CausePath", location));
      case "Wait" -> wait(fields, node, location);
      case "Choice" -> choice(fields, node, language, location);
      case "Task" -> task(fields, node, location);
      case "Parallel" -> parallel(fields, node, language, location);
      default -> map(fields, node, language, location);
    };
  }

  private void checkFields(JsonNode node, String type, QueryLanguage language, String location) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!StateFieldRules.allowed(type, field)) {
        diagnostics.schema(
            "Field '" + field + "' is not supported for a " + type + " state",
            location + "/" + field);
      } else if (language == QueryLanguage.JSONATA
          && StateFieldRules.JSONPATH_ONLY.contains(field)) {
        diagnostics.schema(
            "The field '" + field + "' is not supported for states whose QueryLanguage is JSONata",
            location + "/" + field);
      } else if (language == QueryLanguage.JSONPATH
          && StateFieldRules.JSONATA_ONLY.contains(field)) {
        diagnostics.schema(
            "The field '" + field + "' is only supported for states whose QueryLanguage is JSONata",
            location + "/" + field);
      }
    }
    if (StateFieldRules.transitions(type)) {
      boolean hasNext = node.has("Next");
      boolean end = node.path("End").asBoolean(false);
      if (hasNext == end) {
        diagnostics.schema(
            hasNext
                ? "A state cannot have both 'Next' and 'End'"
                : "The state must have either 'Next' or 'End': true",
            location);
      }
    }
  }

  /** AWS's rule for variable names: a letter or underscore, then letters, digits, underscores. */
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,79}");

  private void checkVariableNames(JsonNode assign, String location) {
    if (assign == null) {
      return;
    }
    if (!assign.isObject()) {
      diagnostics.schema(
          "The value for the field 'Assign' must be a JSON object", location + "/Assign");
      return;
    }
    for (Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String variable = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      if (!VARIABLE.matcher(variable).matches() || variable.equals("states")) {
        diagnostics.schema(
            "The variable name '"
                + variable
                + "' is invalid: it must start with a letter or '_', contain only letters, digits and"
                + " '_', be at most 80 characters, and not be the reserved name 'states'",
            location + "/Assign/" + key);
      }
    }
  }

  private StateFields fields(
      String name, String type, JsonNode node, QueryLanguage language, String location) {
    checkVariableNames(node.get("Assign"), location);
    if (language == QueryLanguage.JSONPATH) {
      read.template(node, "Parameters", location);
      read.template(node, "ResultSelector", location);
      read.template(node, "Assign", location);
    } else {
      read.jsonataTemplate(node, "Arguments", location);
      read.jsonataTemplate(node, "Output", location);
      read.jsonataTemplate(node, "Assign", location);
    }
    return new StateFields(
        name,
        type,
        language,
        read.pathOrDefault(node, "InputPath", location),
        read.pathOrDefault(node, "OutputPath", location),
        read.referencePathOrDefault(node, "ResultPath", location),
        node.get("Parameters"),
        node.get("ResultSelector"),
        node.get("Arguments"),
        node.get("Output"),
        node.get("Assign"),
        node.path("Next").isTextual() ? node.get("Next").asText() : null,
        node.path("End").asBoolean(false));
  }

  private State wait(StateFields fields, JsonNode node, String location) {
    int given = 0;
    for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
      given += node.has(field) ? 1 : 0;
    }
    if (given != 1) {
      diagnostics.schema(
          "A Wait state must have exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or"
              + " 'TimestampPath'",
          location);
    }
    JsonNode seconds = node.get("Seconds");
    if (seconds != null
        && !(seconds.isIntegralNumber() && seconds.asLong() >= 0)
        && !read.isJsonata(seconds)) {
      diagnostics.schema(
          "The value for the field 'Seconds' must be a non-negative integer",
          location + "/Seconds");
    }
    return new WaitState(
        fields,
        seconds,
        node.get("Timestamp"),
        read.path(node, "SecondsPath", location),
        read.path(node, "TimestampPath", location));
  }

  private State choice(StateFields fields, JsonNode node, QueryLanguage language, String location) {
    JsonNode choices = node.get("Choices");
    List<ChoiceBranch> branches = new ArrayList<>();
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      diagnostics.schema("The field 'Choices' must be a non-empty array", location + "/Choices");
    } else {
      for (int i = 0; i < choices.size(); i++) {
        JsonNode choice = choices.get(i);
        try {
          var rule = ChoiceRules.parse(choice, language, i);
          if (!choice.path("Next").isTextual()) {
            diagnostics.schema(
                "A choice rule must have a 'Next'", location + "/Choices/" + i + "/Next");
          }
          branches.add(
              new ChoiceBranch(
                  rule,
                  choice.path("Next").asText(null),
                  choice.get("Output"),
                  choice.get("Assign")));
        } catch (IllegalArgumentException e) {
          diagnostics.fromQuery(e.getMessage(), location);
        }
      }
    }
    String defaultNext = node.path("Default").isTextual() ? node.get("Default").asText() : null;
    return new ChoiceState(fields, branches, defaultNext);
  }

  private State task(StateFields fields, JsonNode node, String location) {
    JsonNode resourceNode = node.get("Resource");
    TaskResource resource = null;
    if (resourceNode == null || !resourceNode.isTextual()) {
      diagnostics.schema(
          "The field 'Resource' is required and must be a string", location + "/Resource");
    } else {
      resource = TaskResource.parse(resourceNode.asText()).orElse(null);
      if (resource == null) {
        diagnostics.add(
            "INVALID_RESOURCE",
            "The resource provided "
                + resourceNode.asText()
                + " is not recognized. The value is not a valid resource ARN, or the resource is"
                + " not available in this region.",
            location + "/Resource");
      }
    }
    NumberSource timeout = read.number(node, "TimeoutSeconds", location, 1);
    NumberSource heartbeat = read.number(node, "HeartbeatSeconds", location, 1);
    if (timeout != null
        && heartbeat != null
        && timeout.literal() != null
        && heartbeat.literal() != null
        && heartbeat.literal() >= timeout.literal()) {
      diagnostics.schema(
          "The value for the field 'HeartbeatSeconds' must be smaller than the value for the field"
              + " 'TimeoutSeconds'",
          location + "/HeartbeatSeconds");
    }
    return new TaskState(
        fields,
        resource,
        timeout,
        heartbeat,
        recovery.retriers(node, location),
        recovery.catchers(node, fields.language(), location));
  }

  private State parallel(
      StateFields fields, JsonNode node, QueryLanguage language, String location) {
    JsonNode branchesNode = node.get("Branches");
    List<StateGraph> branches = new ArrayList<>();
    if (branchesNode == null || !branchesNode.isArray() || branchesNode.isEmpty()) {
      diagnostics.schema("The field 'Branches' must be a non-empty array", location + "/Branches");
    } else {
      for (int i = 0; i < branchesNode.size(); i++) {
        JsonNode branch = branchesNode.get(i);
        String branchLocation = location + "/Branches/" + i;
        StateGraph graph =
            graphs.graph(
                branch, graphs.language(branch, language, branchLocation), branchLocation, false);
        if (graph != null) {
          branches.add(graph);
        }
      }
    }
    return new ParallelState(
        fields,
        branches,
        recovery.retriers(node, location),
        recovery.catchers(node, language, location));
  }

  private State map(StateFields fields, JsonNode node, QueryLanguage language, String location) {
    return new MapParser(graphs, diagnostics, read)
        .parse(
            fields,
            node,
            language,
            location,
            recovery.retriers(node, location),
            recovery.catchers(node, language, location));
  }
}
