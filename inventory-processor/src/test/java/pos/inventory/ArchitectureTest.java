package pos.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stock rules stay plain Java: no framework, no messaging, no persistence, no wiring. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("pos.inventory");
    }

    @Test
    void domainDependsOnNoFrameworkOrInfrastructure() {
        noClasses()
                .that()
                .resideInAPackage("pos.inventory.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "org.bson..",
                        "com.mongodb..")
                .check(classes);
    }

    @Test
    void domainDependsOnNeitherTopologyNorConfiguration() {
        noClasses()
                .that()
                .resideInAPackage("pos.inventory.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("pos.inventory.topology..", "pos.inventory.config..")
                .check(classes);
    }

    @Test
    void topologyKnowsNothingOfSpring() {
        noClasses()
                .that()
                .resideInAPackage("pos.inventory.topology..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "pos.inventory.config..")
                .check(classes);
    }

    @Test
    void domainNeverReadsTheClock() {
        noClasses()
                .that()
                .resideInAPackage("pos.inventory.domain..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("pos.inventory.(*)..").should().beFreeOfCycles().check(classes);
    }
}
