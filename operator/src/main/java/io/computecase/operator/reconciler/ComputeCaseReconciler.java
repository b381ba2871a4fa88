package io.computecase.operator.reconciler;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.computecase.api.v1alpha1.CaseResults;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.Summary;
import io.computecase.operator.execution.CaseObjects;
import io.computecase.operator.execution.ExecutionInput;
import io.computecase.operator.execution.ExecutionNames;
import io.computecase.operator.execution.ItemSource;
import io.computecase.operator.logging.CaseLogContext;
import io.computecase.operator.observer.ExecutionSnapshot;
import io.computecase.operator.observer.SummaryCollector;
import io.computecase.operator.status.CasePhase;
import io.computecase.operator.status.ComputeCaseStatusRecorder;
import io.computecase.operator.status.StatusLimits;
import io.computecase.operator.target.CaseRoutes;
import io.computecase.operator.validation.SpecProblem;
import io.computecase.operator.validation.SpecProblemException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The ComputeCase controller, a short coordinator: validate, start the execution once, observe it
 * and its Map Run, record status (only when it changed, at most once a second per case).
 */
// Not generation-aware, so the redrive annotation (no new generation) is seen; status-only
// updates, the operator's own writes, are filtered out.
@ControllerConfiguration(
    name = "computecase",
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = SpecOrAnnotationChange.class),
    maxReconciliationInterval = @MaxReconciliationInterval(interval = 60, timeUnit = SECONDS))
public final class ComputeCaseReconciler implements Reconciler<ComputeCase>, Cleaner<ComputeCase> {
  static final Duration POLL = Duration.ofSeconds(1);

  /** Set (to any new value, e.g. a timestamp) to re-run the failed items of a finished case. */
  public static final String REDRIVE_ANNOTATION = "computecase.io/redrive";

  private static final Logger LOG = LoggerFactory.getLogger(ComputeCaseReconciler.class);

  private final CaseServices services;
  private final ExecutionNames names;

  public ComputeCaseReconciler(CaseServices services) {
    this.services = services;
    this.names = services.names();
  }

  @Override
  public UpdateControl<ComputeCase> reconcile(ComputeCase cc, Context<ComputeCase> context) {
    long started = System.nanoTime();
    boolean error = true;
    try (var log = CaseLogContext.of(cc, executionArn(cc))) {
      UpdateControl<ComputeCase> control = coordinate(cc);
      error = false;
      return control;
    } finally {
      services.metrics().reconciled((System.nanoTime() - started) / 1e9, error);
    }
  }

  private static String executionArn(ComputeCase cc) {
    return cc.getStatus() == null ? null : cc.getStatus().getExecutionArn();
  }

  private UpdateControl<ComputeCase> coordinate(ComputeCase cc) {
    ComputeCaseStatus status = cc.getStatus();
    Long generation = cc.getMetadata().getGeneration();
    boolean seen = status != null && Objects.equals(status.getObservedGeneration(), generation);
    String redrive =
        cc.getMetadata().getAnnotations() == null
            ? null
            : cc.getMetadata().getAnnotations().get(REDRIVE_ANNOTATION);
    if (status != null
        && CasePhase.finished(status.getPhase())
        && status.getExecutionArn() != null
        && redrive != null
        && !StatusLimits.redriveRequest(redrive).equals(status.getRedriveRequest())) {
      return redrive(cc, redrive);
    }
    if (seen && CasePhase.finished(status.getPhase())) {
      return afterFinish(cc);
    }
    if (status == null || status.getExecutionArn() == null) {
      Optional<SpecProblem> problem =
          services.validator().firstProblem(cc.getMetadata().getNamespace(), cc.getSpec());
      ItemSource items = null;
      if (problem.isEmpty()) {
        CaseRoutes.Route route =
            services.routes().in(cc.getMetadata().getNamespace()).get(target(cc));
        if (route != null && !route.ready()) {
          // its rule may not exist yet: items put on the bus now would match nothing
          return write(
              cc, services.recorder().waitingForTarget(cc, route.target().toString()), true);
        }
        try {
          items = services.items().resolve(cc);
          // checks the size limit before anything is written, staged or started
          buildInput(cc, items, ExecutionNames.traceparent(cc));
        } catch (SpecProblemException e) {
          problem = Optional.of(e.problem());
        }
      }
      if (problem.isPresent()) {
        services.events().warning(cc, problem.get().reason(), problem.get().message());
        LOG.info("Refused {}: {}", cc.getMetadata().getName(), problem.get().message());
        return write(cc, services.recorder().rejected(cc, problem.get()), false);
      }
      String executionArn = names.executionArn(cc);
      CaseLogContext.executionArn(executionArn);
      // The identity goes to the API server before StartExecution: whatever happens next, a
      // restarted operator finds the execution by this name instead of starting another.
      ComputeCaseStatus accepted =
          services
              .recorder()
              .accepted(
                  cc,
                  executionArn,
                  items.count(),
                  items.staged(),
                  new CaseResults(
                      services.staging().bucket(), CaseObjects.resultsPrefix(cc), null));
      cc.setStatus(accepted);
      mergeStatus(cc);
      services.metrics().statusWritten();
      var resolved = items;
      start(cc, executionArn, traceparent -> stageAndBuildInput(cc, resolved, traceparent));
    } else if (status.getStartTime() == null) {
      start(
          cc,
          status.getExecutionArn(),
          traceparent -> stageAndBuildInput(cc, services.items().resolve(cc), traceparent));
    }
    return observe(cc);
  }

  private void start(ComputeCase cc, String executionArn, Function<String, String> input) {
    boolean startedNow =
        services
            .tracing()
            .startExecution(
                cc,
                executionArn,
                traceparent ->
                    services
                        .starter()
                        .ensureStarted(
                            names.stateMachineArn(cc),
                            names.name(cc),
                            executionArn,
                            () -> input.apply(traceparent.get())));
    if (startedNow) {
      services.metrics().executionStarted();
      String created = cc.getMetadata().getCreationTimestamp();
      if (created != null) {
        services
            .metrics()
            .started(
                Duration.between(Instant.parse(created), Instant.now(services.clock())).toMillis()
                    / 1000.0);
      }
      services.events().normal(cc, "ExecutionStarted", "Started execution " + executionArn);
      LOG.info("Started execution {}", executionArn);
    }
  }

  /**
   * Stages the items (when the operator holds them) and builds the input: called only when the
   * execution must be started, so a started case is never staged again, and a restart before the
   * start stages the same object again.
   */
  private String stageAndBuildInput(ComputeCase cc, ItemSource items, String traceparent) {
    String input = buildInput(cc, items, traceparent);
    if (items instanceof ItemSource.Staged staged) {
      services.staging().stage(cc, staged);
    }
    return input;
  }

  private String buildInput(ComputeCase cc, ItemSource items, String traceparent) {
    String bucket = services.staging().bucket();
    ExecutionInput.Locations where =
        items instanceof ItemSource.InS3 object
            ? new ExecutionInput.Locations(
                object.object().getBucket(),
                object.object().getKey(),
                bucket,
                CaseObjects.resultsPrefix(cc))
            : new ExecutionInput.Locations(
                bucket, CaseObjects.itemsKey(cc), bucket, CaseObjects.resultsPrefix(cc));
    return ExecutionInput.build(
        cc, where, items.count(), services.busName(), route(cc), traceparent);
  }

  /** The route the case's item events carry: chosen in its own namespace, as it was validated. */
  private String route(ComputeCase cc) {
    String target = target(cc);
    CaseRoutes.Route route = services.routes().in(cc.getMetadata().getNamespace()).get(target);
    if (route == null) {
      // the target went away between validation and the start
      throw new SpecProblemException(
          "UnknownTarget",
          "spec.target '"
              + target
              + "' names no compute target in namespace "
              + cc.getMetadata().getNamespace()
              + " any more: create ComputeTarget '"
              + target
              + "' there again.");
    }
    return route.key();
  }

  private static String target(ComputeCase cc) {
    return cc.getSpec().getTarget() == null ? "default" : cc.getSpec().getTarget();
  }

  /** Re-runs the failed items of a finished case; the finished run is kept as an attempt. */
  private UpdateControl<ComputeCase> redrive(ComputeCase cc, String request) {
    String executionArn = cc.getStatus().getExecutionArn();
    Optional<String> refused = services.redriver().redrive(executionArn);
    ComputeCaseStatus next = services.recorder().redriven(cc, request, refused);
    if (refused.isPresent()) {
      services.events().warning(cc, "RedriveRefused", next.getMessage());
      return write(cc, next, false);
    }
    services.events().normal(cc, "Redriven", next.getMessage());
    return write(cc, next, true);
  }

  private UpdateControl<ComputeCase> observe(ComputeCase cc) {
    ExecutionSnapshot snapshot =
        services
            .observer()
            .observe(cc.getStatus().getExecutionArn(), cc.getStatus().getMapRunArn());
    Integer wanted = cc.getSpec() == null ? null : cc.getSpec().getMaxConcurrency();
    snapshot
        .mapRun()
        .filter(run -> !snapshot.finished() && wanted != null && run.maxConcurrency() != wanted)
        .ifPresent(
            run -> {
              services.observer().updateMaxConcurrency(run.mapRunArn(), wanted);
              services
                  .events()
                  .normal(
                      cc,
                      "MaxConcurrencyChanged",
                      "Map Run concurrency " + run.maxConcurrency() + " -> " + wanted);
            });
    long total = cc.getStatus().getProgress() == null ? 0 : cc.getStatus().getProgress().getTotal();
    // every succeeded item's duration goes to the histogram as the result files stream by
    SummaryCollector.Outcome outcome =
        snapshot.finished()
            ? services
                .summaries()
                .summarize(
                    snapshot, total, cc.getStatus().getResults(), services.metrics()::itemCompleted)
            : null;
    ComputeCaseStatus next = services.recorder().observed(cc, snapshot, outcome);
    if (snapshot.finished()) {
      announceFinish(cc, next);
    }
    return write(cc, next, !snapshot.finished());
  }

  private void announceFinish(ComputeCase cc, ComputeCaseStatus next) {
    Summary s = next.getSummary();
    LOG.info("Case {}: {}", next.getPhase(), next.getMessage());
    services.metrics().caseFinished(s.getSucceeded(), s.getFailed());
    switch (next.getPhase()) {
      case CasePhase.SUCCEEDED -> services.events().normal(cc, "Completed", next.getMessage());
      case CasePhase.STOPPED -> services.events().normal(cc, "Stopped", next.getMessage());
      default -> services.events().warning(cc, "ExecutionFailed", next.getMessage());
    }
  }

  private UpdateControl<ComputeCase> write(
      ComputeCase cc, ComputeCaseStatus next, boolean keepPolling) {
    String uid = cc.getMetadata().getUid();
    String key = cc.getMetadata().getNamespace() + "/" + cc.getMetadata().getName();
    services.metrics().phase(key, next.getPhase());
    boolean phaseChanged =
        cc.getStatus() == null || !Objects.equals(cc.getStatus().getPhase(), next.getPhase());
    UpdateControl<ComputeCase> control;
    boolean changed = ComputeCaseStatusRecorder.changed(cc, next);
    boolean paced = changed && !services.pacer().mayWrite(uid, phaseChanged);
    if (changed && !paced) {
      boolean first = neverWritten(cc);
      cc.setStatus(next);
      services.pacer().written(uid);
      services.metrics().statusWritten();
      control = first ? mergeFirstStatus(cc) : UpdateControl.patchStatus(cc);
    } else {
      control = UpdateControl.noUpdate();
    }
    if (keepPolling || paced) {
      // a paced change is written on the next turn, never dropped
      return control.rescheduleAfter(POLL);
    }
    return CasePhase.finished(next.getPhase()) ? withTtl(cc, next, control) : control;
  }

  private UpdateControl<ComputeCase> afterFinish(ComputeCase cc) {
    return withTtl(cc, cc.getStatus(), UpdateControl.noUpdate());
  }

  /** Jobs-like ttlSecondsAfterFinished: delete the finished case once its time is up. */
  private UpdateControl<ComputeCase> withTtl(
      ComputeCase cc, ComputeCaseStatus status, UpdateControl<ComputeCase> control) {
    Integer ttl = cc.getSpec() == null ? null : cc.getSpec().getTtlSecondsAfterFinished();
    if (ttl == null || ttl < 0) {
      return control;
    }
    Instant finishedAt =
        status.getCompletionTime() == null
            ? Instant.now(services.clock())
            : Instant.parse(status.getCompletionTime());
    Duration left = Duration.between(Instant.now(services.clock()), finishedAt.plusSeconds(ttl));
    if (left.isNegative() || left.isZero()) {
      services.client().resource(cc).delete();
      return UpdateControl.noUpdate();
    }
    return control.rescheduleAfter(left);
  }

  @Override
  public DeleteControl cleanup(ComputeCase cc, Context<ComputeCase> context) {
    try (var log = CaseLogContext.of(cc, executionArn(cc))) {
      return clean(cc);
    }
  }

  private DeleteControl clean(ComputeCase cc) {
    ComputeCaseStatus status = cc.getStatus();
    services.pacer().forget(cc.getMetadata().getUid());
    services
        .metrics()
        .phase(cc.getMetadata().getNamespace() + "/" + cc.getMetadata().getName(), null);
    if (status != null
        && status.getExecutionArn() != null
        && !CasePhase.finished(status.getPhase())) {
      services.stopper().stop(status.getExecutionArn(), cc.getMetadata().getName());
    }
    if (status != null && status.getExecutionArn() != null && stagedByTheOperator(cc)) {
      // the results stay, for whoever reads them after the case; a lifecycle rule expires them
      try {
        services.staging().delete(cc);
      } catch (SdkException e) {
        LOG.warn(
            "Could not delete the staged items of {} ({}); the bucket's lifecycle rule on cases/"
                + " expires them",
            cc.getMetadata().getName(),
            e.getMessage());
      }
    }
    return DeleteControl.defaultDelete();
  }

  /** Items the operator staged itself: never a user's own S3 object. */
  private static boolean stagedByTheOperator(ComputeCase cc) {
    return cc.getSpec() == null
        || cc.getSpec().getItemsFrom() == null
        || cc.getSpec().getItemsFrom().getS3() == null;
  }

  @Override
  public ErrorStatusUpdateControl<ComputeCase> updateErrorStatus(
      ComputeCase cc, Context<ComputeCase> context, Exception e) {
    try (var log = CaseLogContext.of(cc, executionArn(cc))) {
      return recordError(cc, e);
    }
  }

  private ErrorStatusUpdateControl<ComputeCase> recordError(ComputeCase cc, Exception e) {
    ReconcileErrors.Described described = ReconcileErrors.describe(e);
    LOG.warn("Reconciling {} failed: {}", cc.getMetadata().getName(), described.message(), e);
    services.events().warning(cc, described.reason(), described.message());
    ComputeCaseStatus next =
        services.recorder().troubled(cc, described.reason(), described.message());
    if (!ComputeCaseStatusRecorder.changed(cc, next)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    boolean first = neverWritten(cc);
    cc.setStatus(next);
    if (first) {
      mergeStatus(cc);
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    return ErrorStatusUpdateControl.patchStatus(cc);
  }

  /** No status was written yet: the API server holds none, whatever the cached copy shows. */
  private static boolean neverWritten(ComputeCase cc) {
    return cc.getStatus() == null || cc.getStatus().getPhase() == null;
  }

  private UpdateControl<ComputeCase> mergeFirstStatus(ComputeCase cc) {
    mergeStatus(cc);
    return UpdateControl.noUpdate();
  }

  /**
   * Writes the first status with a JSON merge patch. JOSDK's own status patch (without server-side
   * apply) is a JSON patch against the cached resource, which fails with 422 while the API server
   * holds no status, as a real one does after creating a resource given one; once a status exists,
   * JOSDK's patch (which also refreshes its cache) is used.
   */
  private void mergeStatus(ComputeCase cc) {
    cc.getMetadata().setResourceVersion(null);
    services.client().resource(cc).patchStatus();
  }
}
