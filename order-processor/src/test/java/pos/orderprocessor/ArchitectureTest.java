package pos.orderprocessor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order lifecycle stays plain Java: the Kafka and Spring adapters depend on it, never the other way round. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("pos.orderprocessor");
    }

    @Test
    void domainUsesNoFrameworks() {
        noClasses()
                .that()
                .resideInAPackage("pos.orderprocessor.domain..")
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
    void domainKnowsNothingOfItsAdapters() {
        noClasses()
                .that()
                .resideInAPackage("pos.orderprocessor.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("pos.orderprocessor.topology..", "pos.orderprocessor.config..")
                .check(classes);
    }

    @Test
    void topologyStaysFreeOfSpring() {
        noClasses()
                .that()
                .resideInAPackage("pos.orderprocessor.topology..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("pos.orderprocessor.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainNeverReadsTheClock() {
        noClasses()
                .that()
                .resideInAPackage("pos.orderprocessor.domain..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
