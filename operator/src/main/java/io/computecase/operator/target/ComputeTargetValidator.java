package io.computecase.operator.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.computecase.operator.validation.SpecProblem;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a ComputeTarget before anything is built for it; returns its first problem. */
public final class ComputeTargetValidator {
  static final Set<String> COMPUTATIONS = Set.of("simulate", "cpu", "exec");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  public Optional<SpecProblem> firstProblem(String name, ComputeTargetSpec spec) {
    if (!NAME.matcher(name).matches()) {
      return problem(
          "InvalidTargetName",
          "metadata.name '"
              + name
              + "' cannot name a queue and a rule: use 1 to 60 letters, digits, '-' or '_'.");
    }
    if (spec == null || spec.getImage() == null || spec.getImage().isBlank()) {
      return problem(
          "MissingImage",
          "spec.image is required: the worker container image,"
              + " e.g. computecase/worker:latest.");
    }
    String kind = spec.getComputation() == null ? "simulate" : spec.getComputation().getKind();
    if (kind == null || !COMPUTATIONS.contains(kind)) {
      return problem(
          "UnknownComputation",
          "spec.computation.kind '"
              + kind
              + "' is unknown:"
              + " use one of "
              + COMPUTATIONS.stream().sorted().toList()
              + ".");
    }
    if (spec.getConcurrency() != null && spec.getConcurrency() < 1) {
      return problem(
          "InvalidConcurrency",
          "spec.concurrency is " + spec.getConcurrency() + ": use at least 1 item per replica.");
    }
    if (spec.getReplicas() != null && spec.getReplicas() < 0) {
      return problem(
          "InvalidReplicas", "spec.replicas is " + spec.getReplicas() + ": use 0 or more.");
    }
    Integer visibility = spec.getVisibilityTimeoutSeconds();
    if (visibility != null && (visibility < 0 || visibility > 43200)) {
      return problem(
          "InvalidVisibilityTimeout",
          "spec.visibilityTimeoutSeconds is " + visibility + ": SQS takes 0 to 43200 seconds.");
    }
    Integer receives = spec.getMaxReceiveCount();
    if (receives != null && (receives < 1 || receives > 1000)) {
      return problem(
          "InvalidMaxReceiveCount",
          "spec.maxReceiveCount is " + receives + ": SQS takes 1 to 1000.");
    }
    var scaling = spec.getAutoscaling();
    if (scaling != null
        && scaling.getMinReplicas() != null
        && scaling.getMaxReplicas() != null
        && scaling.getMinReplicas() > scaling.getMaxReplicas()) {
      return problem(
          "InvalidAutoscaling",
          "spec.autoscaling.minReplicas exceeds maxReplicas:" + " set minReplicas <= maxReplicas.");
    }
    if (spec.getRouteFrom() != null) {
      for (String from : spec.getRouteFrom()) {
        if (from == null || !NAME.matcher(from).matches()) {
          return problem(
              "InvalidRouteFrom",
              "spec.routeFrom entry '"
                  + from
                  + "' is not a"
                  + " target name: use 1 to 60 letters, digits, '-' or '_'.");
        }
      }
    }
    return itemPattern(spec.getItemPattern(), "spec.itemPattern");
  }

  /** EventBridge patterns are objects whose leaves are arrays of values or matchers. */
  private static Optional<SpecProblem> itemPattern(JsonNode pattern, String path) {
    if (pattern == null || pattern.isNull()) {
      return Optional.empty();
    }
    if (!pattern.isObject() || pattern.isEmpty()) {
      return problem(
          "InvalidItemPattern",
          path
              + " must be a non-empty JSON object of"
              + " EventBridge pattern fields, e.g. {\"size\": [\"large\"]}.");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
      var field = it.next();
      JsonNode value = field.getValue();
      String at = path + "." + field.getKey();
      if (value.isObject()) {
        Optional<SpecProblem> inner = itemPattern(value, at);
        if (inner.isPresent()) {
          return inner;
        }
      } else if (!value.isArray() || value.isEmpty()) {
        return problem(
            "InvalidItemPattern",
            at
                + " must be a non-empty array of values to"
                + " match, e.g. [\"large\"], as EventBridge patterns require.");
      }
    }
    return Optional.empty();
  }

  private static Optional<SpecProblem> problem(String reason, String message) {
    return Optional.of(new SpecProblem(reason, message));
  }
}
