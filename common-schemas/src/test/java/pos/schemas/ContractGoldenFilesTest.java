package pos.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pos.schemas.serde.PosJson;
import tools.jackson.databind.JsonNode;

/**
 * The wire format is pinned by a reviewed golden file per type: an accidental change (a renamed or reordered
 * field, another decimal or time format, a lost type id) fails here before any consumer sees it.
 */
class ContractGoldenFilesTest {

    private static final List<String> CONTRACT_PACKAGES =
            List.of("pos.schemas.command", "pos.schemas.event", "pos.schemas.reply", "pos.schemas.value");

    static List<ContractCase> cases() {
        return ContractCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sampleSerializesToTheGoldenFile(ContractCase contract) throws Exception {
        JsonNode written = PosJson.mapper().readTree(contract.serialize());
        if (GoldenFiles.writeRequested()) {
            fail("wrote " + GoldenFiles.write(contract.typeName(), written)
                    + ": review it, commit it and run again without -Dcontracts.write");
        }
        JsonNode golden = GoldenFiles.readTree(contract.typeName());

        assertThat(written).as("JSON of %s", contract.typeName()).isEqualTo(golden);
        assertThat(GoldenFiles.propertyPaths(written))
                .as("property order of %s", contract.typeName())
                .containsExactlyElementsOf(GoldenFiles.propertyPaths(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenFileReadsBackToTheSample(ContractCase contract) {
        byte[] golden = GoldenFiles.read(contract.typeName()).orElseThrow();

        assertThat(contract.deserialize(golden)).isEqualTo(contract.sample());
    }

    @Test
    void everyPermittedSubtypeOfASealedContractHasAGoldenFile() {
        List<Class<?>> sealedContracts = contractClasses().stream()
                .filter(c -> c.isInterface() && c.isSealed())
                .toList();
        assertThat(sealedContracts)
                .extracting(Class::getSimpleName)
                .contains(
                        "OrderCommand",
                        "InventoryCommand",
                        "OrderEvent",
                        "InventoryEvent",
                        "CommandReply",
                        "CatalogEvent");

        for (Class<?> sealed : sealedContracts) {
            for (Class<?> subtype : WireTypes.of(sealed)) {
                assertHasGoldenFileAndCase(subtype);
            }
        }
    }

    @Test
    void everyContractRecordHasAGoldenFile() {
        List<Class<?>> records =
                contractClasses().stream().filter(Class::isRecord).toList();
        assertThat(records).extracting(Class::getSimpleName).contains("OrderSnapshot", "StockLevel", "OrderLine");

        records.forEach(ContractGoldenFilesTest::assertHasGoldenFileAndCase);
    }

    @Test
    void everyGoldenFileBelongsToAContractType() throws Exception {
        Set<String> caseNames =
                ContractCases.all().stream().map(ContractCase::typeName).collect(Collectors.toSet());

        assertThat(GoldenFiles.typeNames())
                .allSatisfy(name ->
                        assertThat(caseNames).as("type of %s.json", name).contains(name));
    }

    private static void assertHasGoldenFileAndCase(Class<?> type) {
        String name = type.getSimpleName();
        assertThat(GoldenFiles.read(name))
                .as("golden file %s%s.json", GoldenFiles.DIRECTORY, name)
                .isPresent();
        assertThat(ContractCases.all())
                .as("contract case for %s in ContractCases", name)
                .anyMatch(c -> c.typeName().equals(name) && c.sample().getClass() == type);
    }

    private static List<Class<?>> contractClasses() {
        return new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(CONTRACT_PACKAGES)
                        .stream()
                        .filter(c -> CONTRACT_PACKAGES.contains(c.getPackageName()))
                        .map(JavaClass::reflect)
                        .filter(c -> c.isRecord() || c.isInterface())
                        .sorted(Comparator.comparing(Class::getName))
                        .toList();
    }
}
