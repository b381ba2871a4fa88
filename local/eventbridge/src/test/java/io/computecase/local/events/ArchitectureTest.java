package io.computecase.local.events;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The EventBridge engine's packages depend one way (api, registry, routing, delivery, model...).
 */
@AnalyzeClasses(
    packages = "io.computecase.local.events",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.computecase.(**)").should().beFreeOfCycles();
}
