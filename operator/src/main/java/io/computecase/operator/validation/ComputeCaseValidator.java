package io.computecase.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.api.v1alpha1.S3ItemsObject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a spec before anything starts and returns its first problem. The CRD schema refuses most
 * of these at apply time, but an API server may not enforce it (or an older CRD is installed), so
 * the operator checks the same rules itself.
 */
public final class ComputeCaseValidator {
  /** AWS's bound on a Distributed Map's MaxConcurrency. */
  static final int MAX_CONCURRENCY = 10_000;

  private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9_-]{1,60}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private final Function<String, ? extends Collection<String>> knownTargets;

  /**
   * @param knownTargets the targets a case in a namespace may name now, asked at each validation
   */
  public ComputeCaseValidator(Function<String, ? extends Collection<String>> knownTargets) {
    this.knownTargets = knownTargets;
  }

  /** The first problem of a case in this namespace, or nothing. */
  public Optional<SpecProblem> firstProblem(String namespace, ComputeCaseSpec spec) {
    if (spec == null) {
      return problem(
          "MissingSpec",
          "The ComputeCase has no spec: add spec.items or" + " spec.generate.count.");
    }
    return Stream.<Supplier<Optional<SpecProblem>>>of(
            () -> itemSource(spec),
            () -> target(namespace, spec.getTarget()),
            () -> bounds(spec),
            () -> ItemRecoveryRules.firstProblem(spec))
        .map(Supplier::get)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private Optional<SpecProblem> itemSource(ComputeCaseSpec spec) {
    long sources =
        Stream.of(spec.getItems(), spec.getGenerate(), spec.getItemsFrom())
            .filter(s -> s != null)
            .count();
    if (sources == 0) {
      return problem(
          "NoItems",
          "spec has no items: give exactly one of spec.items (a list of"
              + " JSON objects), spec.generate.count or spec.itemsFrom (configMapKeyRef or s3).");
    }
    if (sources > 1) {
      return problem(
          "ConflictingItemSources",
          "spec gives more than one of spec.items,"
              + " spec.generate and spec.itemsFrom: keep exactly one of them.");
    }
    if (spec.getItems() != null) {
      return items(spec.getItems());
    }
    if (spec.getGenerate() != null) {
      Integer count = spec.getGenerate().getCount();
      if (count == null || count < 1) {
        return problem(
            "InvalidGenerateCount",
            "spec.generate.count is "
                + count
                + ": set it to the number of items to generate, at least 1.");
      }
      if (count > Generate.MAX_COUNT) {
        // refused before a single item is built: two billion would take the operator down
        return problem(
            "TooManyItems",
            "spec.generate.count is "
                + count
                + ", over the "
                + Generate.MAX_COUNT
                + " items a case generates: split the work into ComputeCases of at most "
                + Generate.MAX_COUNT
                + " items, or write the items to an S3 object and give spec.itemsFrom.s3.");
      }
      return Optional.empty();
    }
    var from = spec.getItemsFrom();
    if ((from.getConfigMapKeyRef() == null) == (from.getS3() == null)) {
      return problem(
          "InvalidItemsFrom",
          "give exactly one of spec.itemsFrom.configMapKeyRef or spec.itemsFrom.s3: keep the"
              + " ConfigMap for small lists, or point s3 at an object holding the items.");
    }
    if (from.getS3() != null) {
      return s3Object(from.getS3());
    }
    var ref = from.getConfigMapKeyRef();
    if (blank(ref.getName()) || blank(ref.getKey())) {
      return problem(
          "InvalidItemsFrom",
          "spec.itemsFrom.configMapKeyRef needs a name and a"
              + " key: the ConfigMap in this namespace and the key holding the items.");
    }
    return Optional.empty();
  }

  private static Optional<SpecProblem> s3Object(S3ItemsObject object) {
    if (object.getBucket() == null || !BUCKET.matcher(object.getBucket()).matches()) {
      return problem(
          "InvalidItemsFrom",
          "spec.itemsFrom.s3.bucket '"
              + object.getBucket()
              + "' is not an S3 bucket name: use 3 to 63 lower-case letters, digits, '.' or '-',"
              + " of a bucket in the operator's account and Region.");
    }
    if (blank(object.getKey()) || object.getKey().length() > 1024) {
      return problem(
          "InvalidItemsFrom",
          "spec.itemsFrom.s3.key must name the object holding the items (1 to 1024 characters),"
              + " e.g. datasets/items.jsonl.");
    }
    return Optional.empty();
  }

  private static Optional<SpecProblem> items(List<? extends JsonNode> items) {
    if (items.isEmpty()) {
      return problem(
          "NoItems",
          "spec.items is empty: list at least one item, such as" + " {\"caseId\": \"0\"}.");
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (item == null || !item.isObject()) {
        return problem(
            "InvalidItem",
            "spec.items["
                + i
                + "] is "
                + (item == null ? "null" : item.getNodeType().name().toLowerCase())
                + ", not a JSON object: write each item as an object, e.g. {\"caseId\": \""
                + i
                + "\"}.");
      }
    }
    return Optional.empty();
  }

  private Optional<SpecProblem> target(String namespace, String target) {
    if (target == null || !TARGET.matcher(target).matches()) {
      return problem(
          "InvalidTarget",
          "spec.target '"
              + target
              + "' is not a target name: use"
              + " 1 to 60 letters, digits, '-' or '_'.");
    }
    var known = knownTargets.apply(namespace);
    if (!known.contains(target)) {
      return problem(
          "UnknownTarget",
          "spec.target '"
              + target
              + "' names no compute target in namespace "
              + namespace
              + ": use one of "
              + known.stream().sorted().toList()
              + ", or create ComputeTarget '"
              + target
              + "' in this namespace first.");
    }
    return Optional.empty();
  }

  private static Optional<SpecProblem> bounds(ComputeCaseSpec spec) {
    Integer max = spec.getMaxConcurrency();
    if (max != null && (max < 0 || max > MAX_CONCURRENCY)) {
      return problem(
          "InvalidMaxConcurrency",
          "spec.maxConcurrency is "
              + max
              + ": use 0"
              + " (unbounded) up to "
              + MAX_CONCURRENCY
              + ", the Distributed Map limit.");
    }
    Double tolerated = spec.getToleratedFailurePercentage();
    if (tolerated != null && (tolerated.isNaN() || tolerated < 0 || tolerated > 100)) {
      return problem(
          "InvalidToleratedFailurePercentage",
          "spec.toleratedFailurePercentage is " + tolerated + ": use a percentage from 0 to 100.");
    }
    Integer timeout = spec.getItemTimeoutSeconds();
    if (timeout != null && (timeout < 1 || timeout > 99_999_999)) {
      return problem(
          "InvalidItemTimeout",
          "spec.itemTimeoutSeconds is "
              + timeout
              + ": use 1"
              + " to 99999999 seconds, the Task TimeoutSeconds range.");
    }
    JsonNode parameters = spec.getParameters();
    if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
      return problem(
          "InvalidParameters",
          "spec.parameters must be a JSON object, such as"
              + " {\"computeMs\": 5000}; it is "
              + parameters.getNodeType().name().toLowerCase()
              + ".");
    }
    String requestId = spec.getRequestId();
    if (requestId != null && (requestId.isBlank() || requestId.length() > 80)) {
      return problem(
          "InvalidRequestId",
          "spec.requestId must have 1 to 80 characters, or be" + " left out to use metadata.name.");
    }
    Integer ttl = spec.getTtlSecondsAfterFinished();
    if (ttl != null && ttl < 0) {
      return problem(
          "InvalidTtl",
          "spec.ttlSecondsAfterFinished is "
              + ttl
              + ": use 0 or more"
              + " seconds, or leave it out to keep the finished case.");
    }
    return Optional.empty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Optional<SpecProblem> problem(String reason, String message) {
    return Optional.of(new SpecProblem(reason, message));
  }
}
