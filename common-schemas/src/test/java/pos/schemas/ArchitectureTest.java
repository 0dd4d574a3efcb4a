package pos.schemas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contracts jar is shared by every service and downstream consumers: it must not drag in a framework. */
class ArchitectureTest {

    private static final JavaClasses CONTRACTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("pos.schemas");

    @Test
    void contractsDependOnNeitherSpringNorMongo() {
        noClasses()
                .that()
                .resideInAPackage("pos.schemas..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.bson..", "com.mongodb..")
                .check(CONTRACTS);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("pos.schemas.(*)..").should().beFreeOfCycles().check(CONTRACTS);
    }
}
