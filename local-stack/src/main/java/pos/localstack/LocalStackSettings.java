package pos.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. Every value can be set by an environment
 * variable; the defaults are the usual ports of each product.
 * <p>
 * Topics get {@link #LOCAL_PARTITIONS one partition} unless {@code POS_TOPIC_PARTITIONS} says otherwise (the
 * services' own default, for deployments, is 6). Partitions are how processor instances share work, and this JVM
 * runs one instance of each with one stream thread: more partitions share nothing here, but each costs its own
 * record batches, fetches, transaction markers and changelog writes, as many as the partitions a commit touches.
 * With 6, the placements' capacity on the development machine was 326–382/s; with 1, 494/s (docs/benchmarks.md).
 * The count is fixed when a topic is created: a data directory made with another count keeps it.
 */
public record LocalStackSettings(
        Path dataDir,
        int apiPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int orderProcessorPort,
        int inventoryProcessorPort,
        int partitions) {

    public static LocalStackSettings fromEnvironment(Map<String, String> env) {
        return new LocalStackSettings(
                Path.of(env.getOrDefault("POS_DATA_DIR", "data")),
                integer(env, "API_PORT", 8080),
                integer(env, "KAFKA_PORT", 9092),
                integer(env, "KAFKA_CONTROLLER_PORT", 9093),
                integer(env, "MONGO_PORT", 27017),
                integer(env, "ORDER_PROCESSOR_PORT", 8081),
                integer(env, "INVENTORY_PROCESSOR_PORT", 8082),
                integer(env, "POS_TOPIC_PARTITIONS", LOCAL_PARTITIONS));
    }

    /** Partitions of the topics a new data directory gets, unless {@code POS_TOPIC_PARTITIONS} is set. */
    static final int LOCAL_PARTITIONS = 1;

    private static int integer(Map<String, String> env, String name, int defaultValue) {
        var value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
        }
    }
}
