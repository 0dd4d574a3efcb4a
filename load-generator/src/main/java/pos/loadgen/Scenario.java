package pos.loadgen;

import java.util.Locale;

/** What a run sends. */
enum Scenario {
    /** Orders placed, some retried with their key, then advanced through their lifecycle or cancelled. */
    ORDERS("order.place"),
    /** Stock adjustments through inventory-processor, and how long the read model takes to show them. */
    STOCK("stock.adjust"),
    /** An authenticated GET /orders/{id}: a read through the API's whole request path and one read-model lookup. */
    READ("order.read"),
    /** GET /health on the API: its HTTP stack (Tomcat, filters, security, JSON) with nothing behind it. */
    BASELINE("health"),
    /**
     * GET /bare on a bare Spring MVC application in the same JVM as the stack (no security, no filters): the floor
     * of the HTTP stack itself, measured in the same run, that the other scenarios are stated as multiples of.
     */
    BARE("bare");

    private final String primaryOperation;

    Scenario(String primaryOperation) {
        this.primaryOperation = primaryOperation;
    }

    /** The operation whose successes count as the scenario's throughput. */
    String primaryOperation() {
        return primaryOperation;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scenario parse(String text) {
        for (var scenario : values()) {
            if (scenario.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + text + "' (orders, stock, read, baseline, bare)");
    }
}
