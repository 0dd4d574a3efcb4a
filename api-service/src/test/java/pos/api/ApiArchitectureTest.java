package pos.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules for every feature package of the API, beside each feature's own (CatalogArchitectureTest, ...): features
 * depend on each other in one direction only, and every {@code domain} package is plain Java that is given the
 * time rather than reading the clock, as in the processors. Identity is used by the other features through its root
 * package only ({@code CurrentUser}, {@code Role}, {@code StoreAccess}, {@code AccessPolicy}, {@code TokenRecheck}):
 * accounts, tokens, displays and the security filter chain are its own business.
 */
class ApiArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("pos.api");
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("pos.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void otherFeaturesUseIdentityThroughItsRootPackageOnly() {
        noClasses()
                .that()
                .resideOutsideOfPackage("pos.api.identity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("pos.api.identity.*..")
                .because("pos.api.identity is identity's published surface; its subpackages are internal")
                .check(classes);
    }

    @Test
    void domainPackagesAreFreeOfCycles() {
        slices().matching("pos.api.(**).domain..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainPackagesDependOnNoFrameworkOrInfrastructure() {
        noClasses()
                .that()
                .resideInAPackage("pos.api..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "org.bson..",
                        "com.mongodb..",
                        "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void domainPackagesNeverReadTheClock() {
        noClasses()
                .that()
                .resideInAPackage("pos.api..domain..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
