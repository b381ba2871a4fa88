package io.computecase.local.kube;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The API server's packages depend one way: no cycles, HTTP on top of the watches, validation,
 * tables and patches it serves, all of them on the catalog of resource types, and that on the
 * store.
 */
@AnalyzeClasses(
    packages = "io.computecase.local.kube",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.computecase.(**)").should().beFreeOfCycles();

  /**
   * Top to bottom: EmbeddedKubernetes, which wires the server; the server (HTTP, requests, Status
   * responses); watches, validation, OpenAPI, patches and authentication; Tables; discovery (the
   * resource types and their URLs); the store at the bottom.
   */
  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Kube")
          .definedBy("io.computecase.local.kube")
          .layer("Server")
          .definedBy("..kube.server..")
          .layer("Watch")
          .definedBy("..kube.watch..")
          .layer("Validation")
          .definedBy("..kube.validation..")
          .layer("OpenApi")
          .definedBy("..kube.openapi..")
          .layer("Patch")
          .definedBy("..kube.patch..")
          .layer("Auth")
          .definedBy("..kube.auth..")
          .layer("Table")
          .definedBy("..kube.table..")
          .layer("Discovery")
          .definedBy("..kube.discovery..")
          .layer("Store")
          .definedBy("..kube.store..")
          .whereLayer("Kube")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Server")
          .mayOnlyBeAccessedByLayers("Kube")
          .whereLayer("Watch")
          .mayOnlyBeAccessedByLayers("Kube", "Server")
          .whereLayer("Validation")
          .mayOnlyBeAccessedByLayers("Kube", "Server")
          .whereLayer("OpenApi")
          .mayOnlyBeAccessedByLayers("Kube", "Server")
          .whereLayer("Patch")
          .mayOnlyBeAccessedByLayers("Kube", "Server")
          .whereLayer("Auth")
          .mayOnlyBeAccessedByLayers("Kube", "Server")
          .whereLayer("Table")
          .mayOnlyBeAccessedByLayers("Kube", "Server", "Watch")
          .whereLayer("Discovery")
          .mayOnlyBeAccessedByLayers(
              "Kube", "Server", "Watch", "Validation", "OpenApi", "Patch", "Table")
          .whereLayer("Store")
          .mayOnlyBeAccessedByLayers("Kube", "Server", "Watch", "Discovery");
}
