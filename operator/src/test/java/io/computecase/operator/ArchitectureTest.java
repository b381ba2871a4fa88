package io.computecase.operator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The operator's packages depend one way: no cycles, the reconcilers on top of the small steps they
 * coordinate, and the custom resource model at the bottom, knowing nothing of the operator.
 */
@AnalyzeClasses(
    packages = {"io.computecase.operator", "io.computecase.api"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.computecase.(**)").should().beFreeOfCycles();

  /**
   * Top to bottom: the composition root, the ComputeCase reconciler, the ComputeTarget reconciler
   * (whose routes a case uses), then the steps: status (with tracing, logging and the HTTP
   * endpoints beside it), the observer, execution, validation; AWS provisioning below the target
   * reconciler, the configuration under it, and the custom resource model under everything.
   */
  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Operator")
          .definedBy("io.computecase.operator")
          .layer("Reconciler")
          .definedBy("..operator.reconciler..")
          .layer("Target")
          .definedBy("..operator.target..")
          .layer("Status")
          .definedBy("..operator.status..")
          .layer("Tracing")
          .definedBy("..operator.tracing..")
          .layer("Logging")
          .definedBy("..operator.logging..")
          .layer("Http")
          .definedBy("..operator.http..")
          .layer("Observer")
          .definedBy("..operator.observer..")
          .layer("Execution")
          .definedBy("..operator.execution..")
          .layer("Validation")
          .definedBy("..operator.validation..")
          .layer("Aws")
          .definedBy("..operator.aws..")
          .layer("Config")
          .definedBy("..operator.config..")
          .layer("Model")
          .definedBy("io.computecase.api..")
          .whereLayer("Operator")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Reconciler")
          .mayOnlyBeAccessedByLayers("Operator")
          .whereLayer("Target")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler")
          .whereLayer("Status")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler", "Target")
          .whereLayer("Tracing")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler")
          .whereLayer("Logging")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler")
          .whereLayer("Http")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler")
          .whereLayer("Observer")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler", "Status")
          .whereLayer("Execution")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler", "Status", "Tracing")
          .whereLayer("Validation")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler", "Target", "Status", "Execution")
          .whereLayer("Aws")
          .mayOnlyBeAccessedByLayers("Operator", "Target")
          .whereLayer("Config")
          .mayOnlyBeAccessedByLayers("Operator", "Reconciler", "Target", "Aws");

  /**
   * The custom resource model is plain classes the CRD is generated from: Java, Jackson and
   * fabric8's model and generator annotations, nothing of the operator's logic.
   */
  @ArchTest
  static final ArchRule modelKnowsNothingOfTheOperator =
      classes()
          .that()
          .resideInAPackage("io.computecase.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.computecase.api..", "java..", "com.fasterxml.jackson..", "io.fabric8..");
}
