package pos.api.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pos.api.catalog.domain.SkuRules;

/** The catalog's rules and the decimal rules stay plain Java. */
class CatalogArchitectureTest {

    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "org.apache.kafka..",
        "tools.jackson..",
        "com.fasterxml..",
        "org.bson..",
        "com.mongodb..",
        "jakarta.."
    };

    /** Read from the compiled folders directly: scanning the whole classpath for two packages takes seconds. */
    private static final JavaClasses CLASSES =
            new ClassFileImporter().importPaths(compiled("pos/api/catalog/domain"), compiled("pos/api/money"));

    private static Path compiled(String packageFolder) {
        try {
            return Path.of(SkuRules.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .resolve(packageFolder);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void catalogDomainDependsOnNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("pos.api.catalog.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .check(CLASSES);
    }

    @Test
    void decimalRulesDependOnNoFramework() {
        noClasses()
                .that()
                .haveFullyQualifiedName("pos.api.money.Decimal")
                .or()
                .haveFullyQualifiedName("pos.api.money.Sign")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .check(CLASSES);
    }

    @Test
    void catalogDomainDoesNotReachIntoTheAdapters() {
        noClasses()
                .that()
                .resideInAPackage("pos.api.catalog.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("pos.api.catalog", "pos.api.web..")
                .check(CLASSES);
    }
}
