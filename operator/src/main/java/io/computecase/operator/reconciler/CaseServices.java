package io.computecase.operator.reconciler;

import io.computecase.operator.execution.CaseItems;
import io.computecase.operator.execution.ExecutionNames;
import io.computecase.operator.execution.ExecutionRedriver;
import io.computecase.operator.execution.ExecutionStarter;
import io.computecase.operator.execution.ExecutionStopper;
import io.computecase.operator.execution.ItemStaging;
import io.computecase.operator.http.OperatorMetrics;
import io.computecase.operator.observer.ExecutionObserver;
import io.computecase.operator.observer.SummaryCollector;
import io.computecase.operator.status.CaseEvents;
import io.computecase.operator.status.ComputeCaseStatusRecorder;
import io.computecase.operator.status.StatusWritePacer;
import io.computecase.operator.target.CaseRoutes;
import io.computecase.operator.tracing.CaseTracing;
import io.computecase.operator.validation.ComputeCaseValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/** The collaborators of the ComputeCase reconciler, wired by the composition root. */
public record CaseServices(
    KubernetesClient client,
    Clock clock,
    String busName,
    CaseRoutes routes,
    ExecutionNames names,
    ComputeCaseValidator validator,
    CaseItems items,
    ItemStaging staging,
    ExecutionStarter starter,
    ExecutionStopper stopper,
    ExecutionRedriver redriver,
    CaseTracing tracing,
    ExecutionObserver observer,
    SummaryCollector summaries,
    ComputeCaseStatusRecorder recorder,
    CaseEvents events,
    StatusWritePacer pacer,
    OperatorMetrics metrics) {}
