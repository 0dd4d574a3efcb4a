package pos.api.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class IdentityArchitectureTest {

    @Test
    void identityDomainIsPlainJava() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("pos.api.identity");
        noClasses()
                .that()
                .resideInAPackage("pos.api.identity.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "tools.jackson..",
                        "com.fasterxml..",
                        "org.bson..",
                        "com.mongodb..",
                        "jakarta..",
                        "pos.api.identity.account..",
                        "pos.api.identity.token..",
                        "pos.api.identity.security..")
                .check(classes);
    }
}
