package pos.schemas;

import java.util.List;

/**
 * Every topic of the system in one place. Names are versioned: a breaking change to a value type gets a new
 * topic ({@code .v2}) rather than a silent change on the old one.
 *
 * <p>Co-partitioning: {@link #ORDER_COMMANDS} and {@link #INVENTORY_COMMANDS} are merged by inventory-processor's
 * store ledger and are both keyed by store id, so they must have the same partition count. All topics are created
 * with one partition count for that reason.
 */
public final class Topics {

    /**
     * {@code OrderCommand}s from api-service (place, change status) and order-processor (expire placement), keyed by
     * store id.
     */
    public static final String ORDER_COMMANDS = "pos.orders.commands.v1";
    /** {@code OrderEvent}s: every status change of every order, keyed by order id. */
    public static final String ORDER_EVENTS = "pos.orders.events.v1";
    /** Latest {@code OrderSnapshot} per order, keyed by order id, compacted: a new consumer can rebuild from it. */
    public static final String ORDER_STATE = "pos.orders.state.v1";
    /** {@code InventoryCommand}s from api-service (adjust), keyed by store id. */
    public static final String INVENTORY_COMMANDS = "pos.inventory.commands.v1";
    /** {@code InventoryEvent}s: every stock change and low-stock warning, keyed by store id. */
    public static final String INVENTORY_EVENTS = "pos.inventory.events.v1";
    /** {@code CommandReply}s: the decision on each command api-service waits for, keyed by command id. */
    public static final String COMMAND_REPLIES = "pos.command-replies.v1";
    /** {@code CatalogEvent}s: product changes, keyed by product id, compacted. */
    public static final String CATALOG_PRODUCTS = "pos.catalog.products.v1";
    /**
     * {@code StoreSettings} per store (order expiry), keyed by store id, compacted; read by the store ledger (merged
     * with its commands, so co-partitioned with them) and projected by api-service for {@code GET}.
     */
    public static final String STORE_SETTINGS = "pos.stores.settings.v1";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** What a topic carries and how it is kept; used to create topics and to document them. */
    public record TopicSpec(
            String name, String key, String valueType, boolean compacted, String producers, String consumers) {

        public String deadLetterTopic() {
            return deadLetter(name);
        }
    }

    public static List<TopicSpec> all() {
        return List.of(
                new TopicSpec(
                        ORDER_COMMANDS,
                        "store id",
                        "OrderCommand",
                        false,
                        "api-service, order-processor",
                        "inventory-processor, order-processor"),
                new TopicSpec(
                        ORDER_EVENTS,
                        "order id",
                        "OrderEvent",
                        false,
                        "inventory-processor",
                        "api-service (read model), downstream"),
                new TopicSpec(ORDER_STATE, "order id", "OrderSnapshot", true, "inventory-processor", "downstream"),
                new TopicSpec(
                        INVENTORY_COMMANDS,
                        "store id",
                        "InventoryCommand",
                        false,
                        "api-service",
                        "inventory-processor"),
                new TopicSpec(
                        INVENTORY_EVENTS,
                        "store id",
                        "InventoryEvent",
                        false,
                        "inventory-processor",
                        "api-service (read model), downstream"),
                new TopicSpec(
                        COMMAND_REPLIES, "command id", "CommandReply", false, "inventory-processor", "api-service"),
                new TopicSpec(CATALOG_PRODUCTS, "product id", "CatalogEvent", true, "api-service", "downstream"),
                new TopicSpec(
                        STORE_SETTINGS,
                        "store id",
                        "StoreSettings",
                        true,
                        "api-service",
                        "inventory-processor, api-service"));
    }

    /**
     * Topics that keep their whole history (unlimited retention by default, {@code pos.topics.inventory-events-retention}),
     * so the read models projected from them, such as the stock movements, can be rebuilt from Kafka.
     */
    public static List<String> keepingHistory() {
        return List.of(INVENTORY_EVENTS);
    }

    /** The {@code retention.ms} of a history topic: a negative or zero retention means unlimited ({@code -1}). */
    public static String historyRetentionMs(java.time.Duration retention) {
        return retention == null || retention.isNegative() || retention.isZero()
                ? "-1"
                : Long.toString(retention.toMillis());
    }

    /** Topics whose consumers send records they cannot read or process to {@code <topic>.dlq}. */
    public static List<String> withDeadLetters() {
        return List.of(ORDER_COMMANDS, INVENTORY_COMMANDS, ORDER_EVENTS, INVENTORY_EVENTS, COMMAND_REPLIES);
    }
}
