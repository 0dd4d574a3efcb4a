package pos.api.kitchen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class KitchenArchitectureTest {

    @Test
    void kitchenDomainIsPlainJava() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("pos.api.kitchen");
        noClasses()
                .that()
                .resideInAPackage("pos.api.kitchen.domain..")
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
                        "pos.api.kitchen")
                .check(classes);
    }
}
