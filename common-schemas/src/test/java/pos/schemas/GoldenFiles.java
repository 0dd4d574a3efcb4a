package pos.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import pos.schemas.serde.PosJson;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;

/**
 * The committed golden files under {@code src/test/resources/contracts/}, one per wire type. Run the tests with
 * {@code -Dcontracts.write=true} to (re)write them from the samples; those runs fail on purpose, so the new files
 * are reviewed and committed before the build is green again.
 */
final class GoldenFiles {

    static final String DIRECTORY = "contracts/";
    private static final Path SOURCE_DIRECTORY = Path.of("src/test/resources", DIRECTORY);
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private GoldenFiles() {}

    static boolean writeRequested() {
        return Boolean.getBoolean("contracts.write");
    }

    static String fileName(String typeName) {
        return typeName + ".json";
    }

    static Optional<byte[]> read(String typeName) {
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(DIRECTORY + fileName(typeName))) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readTree(String typeName) {
        byte[] json = read(typeName)
                .orElseThrow(() -> new AssertionError("no golden file " + DIRECTORY + fileName(typeName)
                        + ": run the tests once with -Dcontracts.write=true, review it and commit it"));
        return PosJson.mapper().readTree(json);
    }

    static Path write(String typeName, JsonNode tree) throws IOException {
        Files.createDirectories(SOURCE_DIRECTORY);
        Path file = SOURCE_DIRECTORY.resolve(fileName(typeName));
        Files.writeString(
                file, PosJson.mapper().writer().with(PRINTER).writeValueAsString(tree) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Names (without .json) of the golden files on the test classpath. */
    static List<String> typeNames() throws IOException, URISyntaxException {
        Path directory = Path.of(
                GoldenFiles.class.getClassLoader().getResource(DIRECTORY).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    /** Every property path in document order, so a reordering shows even where tree equality does not look. */
    static List<String> propertyPaths(JsonNode node) {
        var paths = new ArrayList<String>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String child = path + "/" + property.getKey();
                paths.add(child);
                collect(property.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, paths);
            }
        }
    }
}
