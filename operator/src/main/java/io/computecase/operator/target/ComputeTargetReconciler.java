package io.computecase.operator.target;

import static java.util.concurrent.TimeUnit.SECONDS;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.computecase.api.v1alpha1.ComputeTargetStatus;
import io.computecase.operator.aws.RoutingSettings;
import io.computecase.operator.aws.TargetResources;
import io.computecase.operator.aws.TargetRouting;
import io.computecase.operator.config.AwsNames;
import io.computecase.operator.config.TargetKey;
import io.computecase.operator.status.CaseConditions;
import io.computecase.operator.status.CasePhase;
import io.computecase.operator.validation.SpecProblem;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles a ComputeTarget into its queues, rule and worker Deployment (and a KEDA ScaledObject
 * when KEDA is installed); deleting it removes them once no running case uses it.
 */
@ControllerConfiguration(
    name = "computetarget",
    maxReconciliationInterval = @MaxReconciliationInterval(interval = 60, timeUnit = SECONDS))
public final class ComputeTargetReconciler
    implements Reconciler<ComputeTarget>, Cleaner<ComputeTarget> {
  static final Duration REFRESH = Duration.ofSeconds(10);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final KubernetesClient client;
  private final TargetRouting routing;
  private final ComputeTargetValidator validator = new ComputeTargetValidator();
  private final WorkerDeployment workers;
  private final KedaScaling keda;
  private final CaseConditions conditions;

  public ComputeTargetReconciler(
      KubernetesClient client,
      TargetRouting routing,
      WorkerDeployment workers,
      KedaScaling keda,
      Clock clock) {
    this.client = client;
    this.routing = routing;
    this.workers = workers;
    this.keda = keda;
    this.conditions = new CaseConditions(clock);
  }

  /**
   * The case targets a ComputeTarget takes items from: its routeFrom, or its own name; always of
   * cases in its own namespace.
   */
  public static List<String> routedTargets(ComputeTarget target) {
    List<String> from = target.getSpec() == null ? null : target.getSpec().getRouteFrom();
    return from == null || from.isEmpty() ? List.of(target.getMetadata().getName()) : from;
  }

  @Override
  public UpdateControl<ComputeTarget> reconcile(ComputeTarget target, Context<ComputeTarget> ctx) {
    String name = target.getMetadata().getName();
    ComputeTargetStatus status = copy(target);
    status.setObservedGeneration(target.getMetadata().getGeneration());
    Optional<SpecProblem> problem = validator.firstProblem(name, target.getSpec());
    if (problem.isPresent()) {
      status.setMessage(problem.get().message());
      conditions.set(
          status.getConditions(),
          "Ready",
          false,
          problem.get().reason(),
          problem.get().message(),
          target.getMetadata().getGeneration());
      return write(target, status, false);
    }
    ComputeTargetSpec spec = target.getSpec();
    TargetKey key = key(target);
    TargetResources resources =
        routing.ensure(
            key,
            new RoutingSettings(
                spec.getMaxReceiveCount(),
                spec.getVisibilityTimeoutSeconds(),
                routedTargets(target),
                spec.getItemPattern()));
    boolean scaled = spec.getAutoscaling() != null && keda.available();
    Deployment desired =
        workers.desired(
            target,
            resources.queueUrl(),
            scaled ? spec.getAutoscaling().getMinReplicas() : spec.getReplicas());
    Deployment current =
        client
            .apps()
            .deployments()
            .inNamespace(desired.getMetadata().getNamespace())
            .withName(desired.getMetadata().getName())
            .get();
    if (current != null && scaled) {
      // KEDA owns the replica count once it scales this Deployment
      desired.getSpec().setReplicas(current.getSpec().getReplicas());
    }
    client.resource(desired).unlock().createOr(NonDeletingOperation::update);
    if (scaled) {
      client
          .resource(keda.desired(target, resources.queueUrl()))
          .unlock()
          .createOr(NonDeletingOperation::update);
    }
    long[] depth = routing.depth(resources.queueUrl());
    status.setQueueUrl(resources.queueUrl());
    status.setDeadLetterQueueUrl(resources.deadLetterQueueUrl());
    status.setRuleArn(resources.ruleArn());
    status.setApproximateQueueDepth(depth[0]);
    status.setInFlight(depth[1]);
    status.setReadyReplicas(
        current == null
                || current.getStatus() == null
                || current.getStatus().getReadyReplicas() == null
            ? 0
            : current.getStatus().getReadyReplicas());
    AwsNames.TargetNames named = routing.names().of(key);
    status.setMessage(
        "Queue "
            + named.queue()
            + ", rule "
            + named.rule()
            + ", Deployment "
            + desired.getMetadata().getName()
            + (scaled ? " scaled by KEDA" : " with " + spec.getReplicas() + " replicas"));
    conditions.set(
        status.getConditions(),
        "Ready",
        true,
        "Provisioned",
        status.getMessage(),
        target.getMetadata().getGeneration());
    return write(target, status, true);
  }

  @Override
  public DeleteControl cleanup(ComputeTarget target, Context<ComputeTarget> ctx) {
    List<String> holders = runningCasesUsing(target);
    if (!holders.isEmpty()) {
      ComputeTargetStatus status = copy(target);
      status.setUsedBy(holders);
      status.setMessage(
          "Deletion waits for running ComputeCases " + holders + "; delete or let them finish");
      target.setStatus(status);
      target.getMetadata().setResourceVersion(null);
      client.resource(target).patchStatus();
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(Duration.ofSeconds(2));
    }
    routing.remove(key(target));
    client
        .apps()
        .deployments()
        .inNamespace(target.getMetadata().getNamespace())
        .withName(WorkerDeployment.name(target.getMetadata().getName()))
        .delete();
    return DeleteControl.defaultDelete();
  }

  private static TargetKey key(ComputeTarget target) {
    return TargetKey.namespaced(
        target.getMetadata().getNamespace(), target.getMetadata().getName());
  }

  /** Running cases of the target's namespace that name one of its routed targets. */
  private List<String> runningCasesUsing(ComputeTarget target) {
    List<String> routed = routedTargets(target);
    List<String> holders = new ArrayList<>();
    String namespace = target.getMetadata().getNamespace();
    for (ComputeCase cc :
        client.resources(ComputeCase.class).inNamespace(namespace).list().getItems()) {
      boolean uses = cc.getSpec() != null && routed.contains(cc.getSpec().getTarget());
      boolean running =
          cc.getStatus() != null
              && cc.getStatus().getExecutionArn() != null
              && !CasePhase.finished(cc.getStatus().getPhase());
      if (uses && running) {
        holders.add(cc.getMetadata().getNamespace() + "/" + cc.getMetadata().getName());
      }
    }
    return holders;
  }

  private UpdateControl<ComputeTarget> write(
      ComputeTarget target, ComputeTargetStatus next, boolean refresh) {
    boolean changed = !MAPPER.valueToTree(next).equals(MAPPER.valueToTree(target.getStatus()));
    UpdateControl<ComputeTarget> control;
    if (changed) {
      // A merge patch of the status, as for ComputeCases: JOSDK's JSON patch fails on an API
      // server that (like a real one) dropped the status the resource was created with.
      target.setStatus(next);
      target.getMetadata().setResourceVersion(null);
      client.resource(target).patchStatus();
    }
    control = UpdateControl.noUpdate();
    return refresh ? control.rescheduleAfter(REFRESH) : control;
  }

  private static ComputeTargetStatus copy(ComputeTarget target) {
    ComputeTargetStatus s =
        target.getStatus() == null
            ? new ComputeTargetStatus()
            : MAPPER.convertValue(target.getStatus(), ComputeTargetStatus.class);
    if (s.getConditions() == null) {
      s.setConditions(new ArrayList<>());
    }
    return s;
  }
}
