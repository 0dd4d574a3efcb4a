package pos.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema (draft 2020-12) of each topic's values, as classpath resources, for integrators. One file per
 * value type, named after it ({@code schemas/OrderEvent.schema.json}); each file is self-contained (no external
 * {@code $ref}), so it can be served and used on its own.
 */
public final class SchemaCatalog {

    /** Classpath folder of the schema files. */
    public static final String RESOURCE_DIRECTORY = "schemas/";
    /** Base of every schema's {@code $id}; the file name follows it. */
    public static final String ID_BASE = "https://pos.example/schemas/";

    public static final String FILE_SUFFIX = ".schema.json";
    /**
     * Classpath resource of the AsyncAPI 3.0 document of every topic. It sits at the root, beside the schema folder,
     * so its payload references ({@code schemas/OrderEvent.schema.json#/$defs/OrderStatusChanged}) resolve both in
     * the source tree and when api-service serves it at {@code /asyncapi.yaml} next to {@code /schemas/}.
     */
    public static final String ASYNCAPI_RESOURCE = "asyncapi.yaml";

    private static final Map<String, String> FILE_BY_TOPIC = fileByTopic();

    private SchemaCatalog() {}

    /** Topic name to schema resource path, in the order of {@link Topics#all()}. */
    public static Map<String, String> resourcePathsByTopic() {
        var paths = new LinkedHashMap<String, String>();
        FILE_BY_TOPIC.forEach((topic, file) -> paths.put(topic, RESOURCE_DIRECTORY + file));
        return Collections.unmodifiableMap(paths);
    }

    /** The schema resource path of a topic's values, e.g. {@code schemas/OrderEvent.schema.json}. */
    public static String resourcePath(String topic) {
        return RESOURCE_DIRECTORY + fileName(topic);
    }

    /** The schema file name of a topic's values, e.g. {@code OrderEvent.schema.json}. */
    public static String fileName(String topic) {
        String file = FILE_BY_TOPIC.get(topic);
        if (file == null) {
            throw new IllegalArgumentException("no schema for topic " + topic);
        }
        return file;
    }

    /** Every schema file name, once each. */
    public static List<String> fileNames() {
        return FILE_BY_TOPIC.values().stream().distinct().toList();
    }

    /** The schema text of a topic's values. */
    public static String load(String topic) {
        String file = fileName(topic);
        return loadFile(file).orElseThrow(() -> new IllegalStateException("schema resource missing: " + file));
    }

    /**
     * The text of a schema file by name, or empty for a name the catalog does not list; only listed names are
     * looked up, so a name taken from a request cannot reach any other resource.
     */
    public static Optional<String> loadFile(String fileName) {
        if (!FILE_BY_TOPIC.containsValue(fileName)) {
            return Optional.empty();
        }
        return resource(RESOURCE_DIRECTORY + fileName);
    }

    /** The AsyncAPI 3.0 document (YAML) describing every topic, its key, value schema, producers and consumers. */
    public static String asyncApi() {
        return resource(ASYNCAPI_RESOURCE)
                .orElseThrow(() -> new IllegalStateException("resource missing: " + ASYNCAPI_RESOURCE));
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Map<String, String> fileByTopic() {
        var files = new LinkedHashMap<String, String>();
        Topics.all().forEach(spec -> files.put(spec.name(), spec.valueType() + FILE_SUFFIX));
        return Collections.unmodifiableMap(files);
    }
}
