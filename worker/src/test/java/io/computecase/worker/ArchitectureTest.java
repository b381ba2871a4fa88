package io.computecase.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The worker's packages depend one way: no cycles, the Worker on top of delivery, and delivery on
 * top of the computations, metrics and AWS clients it uses.
 */
@AnalyzeClasses(
    packages = "io.computecase.worker",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.computecase.(**)").should().beFreeOfCycles();

  /**
   * Top to bottom: the Worker (with its configuration and entry point), delivery (poll, compute,
   * answer), then the computations, which plug-ins implement and which know nothing of queues or
   * task tokens, the metrics and the AWS clients.
   */
  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Worker")
          .definedBy("io.computecase.worker")
          .layer("Delivery")
          .definedBy("..worker.delivery..")
          .layer("Computation")
          .definedBy("..worker.computation..")
          .layer("Observability")
          .definedBy("..worker.observability..")
          .layer("Aws")
          .definedBy("..worker.aws..")
          .whereLayer("Worker")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Delivery")
          .mayOnlyBeAccessedByLayers("Worker")
          .whereLayer("Computation")
          .mayOnlyBeAccessedByLayers("Worker", "Delivery")
          .whereLayer("Observability")
          .mayOnlyBeAccessedByLayers("Worker", "Delivery")
          .whereLayer("Aws")
          .mayOnlyBeAccessedByLayers("Worker");

  /** The container's entry point is the top: nothing starts the worker through it. */
  @ArchTest
  static final ArchRule entryPointOnTop =
      noClasses()
          .that()
          .doNotBelongToAnyOf(WorkerMain.class)
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(WorkerMain.class);
}
