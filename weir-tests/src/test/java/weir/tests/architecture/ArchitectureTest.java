package weir.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weir.api.annotation.Evolving;
import weir.api.annotation.Internal;
import weir.api.annotation.Public;

/**
 * The dependency arrows between modules (DESIGN.md §7) and the package and annotation rules of
 * the public API, checked over the production classes of every module on the test class path.
 * There is no freeze store: a violation fails the build until it is fixed.
 */
class ArchitectureTest {
  private static JavaClasses weir;

  @BeforeAll
  static void importClasses() {
    weir = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("weir");
  }

  @Test
  void when_importing_then_apiAndRuntimeClassesAreFound() {
    // guards the other rules against passing vacuously because the import found nothing
    org.assertj.core.api.Assertions.assertThat(weir.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("weir.api."))
        .anyMatch(p -> p.startsWith("weir.runtime."))
        .anyMatch(p -> p.startsWith("weir.cluster."));
  }

  @Test
  void when_apiClasses_then_theyDependOnNoOtherWeirModule() {
    noClasses().that().resideInAPackage("weir.api..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("weir.runtime..", "weir.cluster..", "weir.testing..", "weir.bench..", "weir.examples..",
            "weir.tests..")
        .check(weir);
  }

  @Test
  void when_clusterClasses_then_theyDependNotOnTestSupportBenchOrExamples() {
    noClasses().that().resideInAPackage("weir.cluster..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("weir.testing..", "weir.bench..", "weir.examples..", "weir.tests..")
        .check(weir);
  }

  @Test
  void when_apiClasses_then_theyDependOnlyOnTheJdkAndJsr305() {
    classes().that().resideInAPackage("weir.api..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("weir.api..", "java..", "javax.annotation..")
        .check(weir);
  }

  @Test
  void when_runtimeClasses_then_theyDependNotOnClusterTestSupportBenchOrExamples() {
    noClasses().that().resideInAPackage("weir.runtime..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("weir.cluster..", "weir.testing..", "weir.bench..", "weir.examples..", "weir.tests..")
        .check(weir);
  }

  @Test
  void when_exampleClasses_then_theyUseOnlyThePublicApi() {
    classes().that().resideInAPackage("weir.examples..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("weir.examples..", "weir.api..", "java..", "javax.annotation..", "org.slf4j..")
        .allowEmptyShould(true) // the examples module may not have classes yet
        .check(weir);
  }

  @Test
  void when_connectorClasses_then_theyUseOnlyThePublicApiOfWeir() {
    noClasses().that().resideInAPackage("weir.connectors..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("weir.runtime..", "weir.cluster..", "weir.testing..", "weir.bench..", "weir.examples..",
            "weir.tests..")
        .because("connectors see only the api (DESIGN.md §7)")
        .allowEmptyShould(true)
        .check(weir);
  }

  @Test
  void when_packagesAreNamed_then_noneIsNamedByTechnicalKind() {
    noClasses()
        .should().resideInAnyPackage("..utils..", "..util..", "..impl..", "..managers..")
        .because("packages follow the path a job takes (graph, task, exchange, state, ...), not technical kinds")
        .check(weir);
  }

  @Test
  void when_publicApiClassIsPublic_then_itDeclaresItsStability() {
    classes().that().resideInAPackage("weir.api..")
        .and().resideOutsideOfPackages("weir.api.graph..", "weir.api.annotation..")
        .and().haveModifier(JavaModifier.PUBLIC)
        .and().areTopLevelClasses()
        .should().beAnnotatedWith(Public.class)
        .orShould().beAnnotatedWith(Evolving.class)
        .orShould().beAnnotatedWith(Internal.class)
        .because("users must see whether a public class of weir-api is stable, evolving or internal")
        .check(weir);
  }
}
