package io.computecase.local;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import io.computecase.local.stack.EmbeddedStack;
import java.util.Set;

/** The command line's and the embedded stack's packages depend one way. */
@AnalyzeClasses(
    locations = ArchitectureTest.OwnClasses.class,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.computecase.(**)").should().beFreeOfCycles();

  /**
   * This module's classes only: the local engines share the io.computecase.local prefix and check
   * their own packages.
   */
  public static final class OwnClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Set.of(
          Location.of(EmbeddedStack.class.getProtectionDomain().getCodeSource().getLocation()));
    }
  }
}
