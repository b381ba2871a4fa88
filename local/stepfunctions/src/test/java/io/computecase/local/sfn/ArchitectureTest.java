package io.computecase.local.sfn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.states.State;
import io.computecase.local.sfn.states.StateVisitor;

/**
 * The engine's packages depend one way: no cycles, the layers below, and a domain that knows
 * nothing of the API or HTTP. A state's type is looked at in one place only.
 */
@AnalyzeClasses(
    packages = "io.computecase.local.sfn",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] DOMAIN = {
    "..sfn.definition..",
    "..sfn.states..",
    "..sfn.execution..",
    "..sfn.machines..",
    "..sfn.persistence..",
    "..sfn.errors..",
    "..sfn.integration",
    "..sfn.eval..",
    "..sfn.query.."
  };

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.computecase.local.sfn.(**)").should().beFreeOfCycles();

  /**
   * Top to bottom: the API, then persistence and the state machine catalog, then the parser and the
   * runtime (with the service integrations that start executions), then the parsed tree, and the
   * query languages at the bottom.
   */
  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Api")
          .definedBy("..sfn.api..")
          .layer("Persistence")
          .definedBy("..sfn.persistence..")
          .layer("Machines")
          .definedBy("..sfn.machines..")
          .layer("Services")
          .definedBy("..sfn.integration.services..")
          .layer("Definition")
          .definedBy("..sfn.definition..")
          .layer("Execution")
          .definedBy("..sfn.execution..")
          .layer("States")
          .definedBy("..sfn.states..")
          .layer("Integration")
          .definedBy("..sfn.integration")
          .layer("Errors")
          .definedBy("..sfn.errors..")
          .layer("Eval")
          .definedBy("..sfn.eval..")
          .layer("Query")
          .definedBy("..sfn.query..")
          .whereLayer("Api")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Persistence")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Services")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Machines")
          .mayOnlyBeAccessedByLayers("Api", "Persistence")
          .whereLayer("Definition")
          .mayOnlyBeAccessedByLayers("Api", "Persistence", "Machines")
          .whereLayer("Execution")
          .mayOnlyBeAccessedByLayers("Api", "Persistence", "Machines", "Services")
          .whereLayer("States")
          .mayOnlyBeAccessedByLayers("Definition", "Execution", "Persistence", "Machines")
          .whereLayer("Integration")
          .mayOnlyBeAccessedByLayers("Definition", "Execution", "States", "Services")
          .whereLayer("Errors")
          .mayOnlyBeAccessedByLayers("Api", "Machines", "Execution")
          .whereLayer("Eval")
          .mayOnlyBeAccessedByLayers("Definition", "Execution", "States")
          .whereLayer("Query")
          .mayOnlyBeAccessedByLayers("Api", "Definition", "Execution", "States", "Eval");

  @ArchTest
  static final ArchRule domainKnowsNothingOfTheApi =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..sfn.api..");

  /** AWS's wire format stays in api: the domain uses only AwsJson's mapper and AwsJsonService. */
  @ArchTest
  static final ArchRule domainKnowsNothingOfHttp =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              AwsJsonServer.class,
              AwsJsonHttpClient.class,
              OperationHandler.class,
              RequestFields.class,
              AwsServiceException.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("io.vertx..");

  /** The parsed tree is data: it runs nothing and knows nothing that runs. */
  @ArchTest
  static final ArchRule statesAreData =
      noClasses()
          .that()
          .resideInAPackage("..sfn.states..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..sfn.execution..", "..sfn.definition..", "..sfn.persistence..");

  /** One runner picks how each state type runs; nothing else dispatches on the type. */
  @ArchTest
  static final ArchRule oneDispatcher =
      classes()
          .that()
          .implement(StateVisitor.class)
          .should()
          .resideInAPackage("..sfn.execution.steps..");

  @ArchTest
  static final ArchRule noTypeTestsOnStates =
      classes().should(notTestWhichTypeOfStateAStateIs()).allowEmptyShould(true);

  private static ArchCondition<JavaClass> notTestWhichTypeOfStateAStateIs() {
    return new ArchCondition<>("not test a state's type with instanceof (ask the state)") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (JavaCodeUnit unit : item.getCodeUnits()) {
          for (InstanceofCheck check : unit.getInstanceofChecks()) {
            JavaClass tested = check.getRawType();
            // A typed lookup inside the tree itself (StateGraph.findMap) is the tree answering.
            boolean insideTheTree = item.getPackageName().endsWith(".sfn.states");
            if (tested.isAssignableTo(State.class) && !insideTheTree) {
              events.add(
                  SimpleConditionEvent.violated(
                      check,
                      unit.getFullName()
                          + " tests for "
                          + tested.getSimpleName()
                          + " in "
                          + check.getSourceCodeLocation()));
            }
          }
        }
      }
    };
  }
}
