package io.computecase.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.Attempt;
import io.computecase.api.v1alpha1.CaseResults;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.Progress;
import io.computecase.api.v1alpha1.Summary;
import io.computecase.operator.execution.CostEstimator;
import io.computecase.operator.observer.ExecutionSnapshot;
import io.computecase.operator.observer.MapRunCounters;
import io.computecase.operator.observer.SummaryCollector;
import io.computecase.operator.validation.SpecFingerprint;
import io.computecase.operator.validation.SpecProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Derives a case's next status from what was observed. Every method returns a new status and leaves
 * the resource's own untouched, so the reconciler can write only what changed.
 */
public final class ComputeCaseStatusRecorder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  private final CaseConditions conditions;

  public ComputeCaseStatusRecorder(Clock clock) {
    this.conditions = new CaseConditions(clock);
  }

  /** A spec the operator refuses: nothing was started, the message says what to fix. */
  public ComputeCaseStatus rejected(ComputeCase cc, SpecProblem problem) {
    return StatusLimits.bound(rejection(cc, problem));
  }

  private ComputeCaseStatus rejection(ComputeCase cc, SpecProblem problem) {
    ComputeCaseStatus s = copy(cc);
    Long generation = cc.getMetadata().getGeneration();
    s.setObservedGeneration(generation);
    s.setPhase(CasePhase.FAILED);
    s.setMessage(problem.message());
    conditions.set(
        s.getConditions(),
        CaseConditions.ACCEPTED,
        false,
        problem.reason(),
        problem.message(),
        generation);
    conditions.set(
        s.getConditions(),
        CaseConditions.FAILED,
        true,
        problem.reason(),
        problem.message(),
        generation);
    return s;
  }

  /**
   * A valid case whose target exists but is still being provisioned: nothing is started until its
   * queue and rule exist, and the message says what the case waits for.
   */
  public ComputeCaseStatus waitingForTarget(ComputeCase cc, String target) {
    return StatusLimits.bound(waiting(cc, target));
  }

  private ComputeCaseStatus waiting(ComputeCase cc, String target) {
    ComputeCaseStatus s = copy(cc);
    Long generation = cc.getMetadata().getGeneration();
    s.setObservedGeneration(generation);
    s.setPhase(CasePhase.PENDING);
    String message =
        "Waiting for ComputeTarget "
            + target
            + " to be Ready: its queue and rule are being provisioned (kubectl describe"
            + " computetarget shows why if it stays not Ready).";
    s.setMessage(message);
    conditions.set(
        s.getConditions(), CaseConditions.RUNNING, false, "TargetNotReady", message, generation);
    return s;
  }

  /**
   * The execution's identity and where its results go, recorded before it is started so no restart
   * loses them.
   *
   * @param total the number of items, when known before the start
   * @param staged whether the operator stages the items, or reads a user's S3 object
   */
  public ComputeCaseStatus accepted(
      ComputeCase cc,
      String executionArn,
      OptionalLong total,
      boolean staged,
      CaseResults results) {
    ComputeCaseStatus s = copy(cc);
    Long generation = cc.getMetadata().getGeneration();
    s.setObservedGeneration(generation);
    s.setPhase(CasePhase.PENDING);
    s.setExecutionArn(executionArn);
    s.setSpecFingerprint(SpecFingerprint.of(cc.getSpec()));
    s.setProgress(new Progress(total.orElse(0), 0, 0, 0));
    s.setEstimate(total.isPresent() ? CostEstimator.estimate(total.getAsLong(), staged) : null);
    s.setResults(results);
    s.setMessage("Starting execution " + executionArn);
    s.getConditions().removeIf(c -> CaseConditions.FAILED.equals(c.getType()));
    conditions.set(
        s.getConditions(),
        CaseConditions.ACCEPTED,
        true,
        "SpecValid",
        "The spec is valid; "
            + (total.isPresent()
                ? total.getAsLong() + " items"
                : "the Map Run counts the items of the S3 object"),
        generation);
    return StatusLimits.bound(s);
  }

  /** What the execution and its Map Run show now; the summary once it has finished. */
  public ComputeCaseStatus observed(
      ComputeCase cc, ExecutionSnapshot snapshot, SummaryCollector.Outcome outcome) {
    return StatusLimits.bound(observation(cc, snapshot, outcome));
  }

  private ComputeCaseStatus observation(
      ComputeCase cc, ExecutionSnapshot snapshot, SummaryCollector.Outcome outcome) {
    Summary summary = outcome == null ? null : outcome.summary();
    ComputeCaseStatus s = copy(cc);
    Long generation = cc.getMetadata().getGeneration();
    s.setObservedGeneration(generation);
    String phase = CasePhase.ofExecutionStatus(snapshot.status());
    s.setPhase(phase);
    s.setStartTime(time(snapshot.startDate()));
    s.setCompletionTime(snapshot.finished() ? time(snapshot.stopDate()) : null);
    long total = s.getProgress() == null ? 0 : s.getProgress().getTotal();
    snapshot.mapRun().ifPresent(run -> s.setMapRunArn(run.mapRunArn()));
    MapRunCounters run = snapshot.mapRun().orElse(null);
    if (run != null) {
      s.setProgress(
          new Progress(
              run.total() == 0 ? total : run.total(),
              run.succeeded(),
              run.unsuccessful(),
              run.running()));
      if (s.getEstimate() == null && run.total() > 0) {
        // a case accepted before the preflight counted its S3 object: estimated from the Map Run
        s.setEstimate(CostEstimator.estimate(run.total(), false));
      }
    }
    if (outcome != null && s.getResults() != null) {
      outcome.manifestKey().ifPresent(key -> s.getResults().setManifestKey(key));
    }
    if (summary != null) {
      s.setSummary(summary);
      s.setProgress(
          new Progress(summary.getTotal(), summary.getSucceeded(), summary.getFailed(), 0));
    }
    specChange(cc, s);
    boolean running = CasePhase.RUNNING.equals(phase);
    // a redriven case runs again: earlier outcome conditions no longer hold
    clearIfPresent(s, CaseConditions.COMPLETE, CasePhase.SUCCEEDED.equals(phase), generation);
    clearIfPresent(
        s,
        CaseConditions.FAILED,
        CasePhase.FAILED.equals(phase) || CasePhase.STOPPED.equals(phase),
        generation);
    conditions.set(
        s.getConditions(),
        CaseConditions.RUNNING,
        running,
        running ? "ExecutionRunning" : "Execution" + cap(snapshot.status()),
        running ? "Items are computing" : "The execution ended " + snapshot.status(),
        generation);
    switch (phase) {
      case CasePhase.SUCCEEDED -> {
        String message =
            "Succeeded: "
                + s.getProgress().getSucceeded()
                + "/"
                + s.getProgress().getTotal()
                + " items";
        s.setMessage(message);
        conditions.set(
            s.getConditions(),
            CaseConditions.COMPLETE,
            true,
            "ExecutionSucceeded",
            message,
            generation);
      }
      case CasePhase.FAILED -> {
        String message =
            "The execution "
                + snapshot.status()
                + ": "
                + (snapshot.error() == null ? "" : snapshot.error())
                + (snapshot.cause() == null ? "" : " (" + snapshot.cause() + ")")
                + (ITEM_READER_FAILED.equals(snapshot.error())
                    ? "; the items could not be read: fix or replace the object named above (or"
                        + " the state machine role's s3:GetObject on it), then delete and recreate"
                        + " the ComputeCase"
                    : "; see status.summary.failures for the items that failed");
        s.setMessage(message);
        conditions.set(
            s.getConditions(),
            CaseConditions.FAILED,
            true,
            "Execution" + cap(snapshot.status()),
            message,
            generation);
      }
      case CasePhase.STOPPED -> {
        String message =
            "The execution was stopped" + (snapshot.cause() == null ? "" : ": " + snapshot.cause());
        s.setMessage(message);
        conditions.set(
            s.getConditions(),
            CaseConditions.FAILED,
            true,
            "ExecutionAborted",
            message,
            generation);
      }
      default ->
          s.setMessage(
              s.getProgress() == null
                  ? "Running"
                  : "Running: "
                      + s.getProgress().getDone()
                      + " items done, "
                      + s.getProgress().getInFlight()
                      + " in flight");
    }
    return s;
  }

  /** The case after a redrive request: running again, or why Step Functions refused. */
  public ComputeCaseStatus redriven(ComputeCase cc, String request, Optional<String> refused) {
    return StatusLimits.bound(redrive(cc, request, refused));
  }

  private ComputeCaseStatus redrive(ComputeCase cc, String request, Optional<String> refused) {
    ComputeCaseStatus s = copy(cc);
    Long generation = cc.getMetadata().getGeneration();
    s.setRedriveRequest(StatusLimits.redriveRequest(request));
    if (refused.isPresent()) {
      s.setMessage(
          "Redrive refused by Step Functions: "
              + refused.get()
              + ". Only executions"
              + " that failed, timed out or were stopped (within 14 days) can be redriven; create a"
              + " new ComputeCase to run the items again.");
      return s;
    }
    List<Attempt> attempts = s.getAttempts() == null ? new ArrayList<>() : s.getAttempts();
    Summary last = s.getSummary();
    attempts.add(
        new Attempt(
            attempts.size() + 1,
            s.getPhase(),
            last == null ? null : last.getSucceeded(),
            last == null ? null : last.getFailed(),
            s.getCompletionTime()));
    s.setAttempts(attempts);
    s.setPhase(CasePhase.RUNNING);
    s.setCompletionTime(null);
    s.setSummary(null);
    s.setMessage("Redriving the failed items (attempt " + (attempts.size() + 1) + ")");
    conditions.set(
        s.getConditions(), CaseConditions.RUNNING, true, "Redriven", s.getMessage(), generation);
    clearIfPresent(s, CaseConditions.COMPLETE, false, generation);
    clearIfPresent(s, CaseConditions.FAILED, false, generation);
    return s;
  }

  private void clearIfPresent(ComputeCaseStatus s, String type, boolean keep, Long generation) {
    if (keep) {
      return;
    }
    s.getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst()
        .ifPresent(
            c ->
                conditions.set(
                    s.getConditions(),
                    type,
                    false,
                    "Rerun",
                    "The execution runs again",
                    generation));
  }

  /**
   * Marks whether the spec still matches the one the execution started with; a change to a fixed
   * field is refused (the execution keeps its original input) and said so.
   */
  public void specChange(ComputeCase cc, ComputeCaseStatus s) {
    if (s.getSpecFingerprint() == null) {
      return;
    }
    boolean refused = !s.getSpecFingerprint().equals(SpecFingerprint.of(cc.getSpec()));
    boolean known =
        s.getConditions().stream()
            .anyMatch(c -> CaseConditions.SPEC_CHANGE_REFUSED.equals(c.getType()));
    if (refused || known) {
      conditions.set(
          s.getConditions(),
          CaseConditions.SPEC_CHANGE_REFUSED,
          refused,
          refused ? "ImmutableField" : "SpecUnchanged",
          refused
              ? "Only spec.maxConcurrency and spec.ttlSecondsAfterFinished can change once a case"
                  + " started; the execution goes on with the original spec. Restore the other"
                  + " fields, or delete and recreate the ComputeCase to run a different one."
              : "The spec matches the one the execution started with",
          cc.getMetadata().getGeneration());
    }
  }

  /**
   * A reconcile that failed for a reason outside the spec (AWS refused or unreachable): the phase
   * stays, the Running condition and the message say what blocks and what to do.
   */
  public ComputeCaseStatus troubled(ComputeCase cc, String reason, String message) {
    ComputeCaseStatus s = copy(cc);
    s.setMessage(message);
    conditions.set(
        s.getConditions(),
        CaseConditions.RUNNING,
        false,
        reason,
        message,
        cc.getMetadata().getGeneration());
    return StatusLimits.bound(s);
  }

  /** Whether writing this status would change what the API server holds. */
  public static boolean changed(ComputeCase cc, ComputeCaseStatus next) {
    return !MAPPER.valueToTree(next).equals(MAPPER.valueToTree(cc.getStatus()));
  }

  private static ComputeCaseStatus copy(ComputeCase cc) {
    ComputeCaseStatus s =
        cc.getStatus() == null
            ? new ComputeCaseStatus()
            : MAPPER.convertValue(cc.getStatus(), ComputeCaseStatus.class);
    if (s.getConditions() == null) {
      s.setConditions(new ArrayList<>());
    }
    return s;
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String cap(String status) {
    StringBuilder out = new StringBuilder();
    for (String part : status.toLowerCase().split("_")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}
