package pos.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The smoke test's own checks: what it accepts from pos.orders.events.v1 and what it reads from its options. */
class SmokeChecksTest {

    private static final String ORDER = "65b000000000000000000001";

    @Test
    void acceptsTheLifecycleWithOrWithoutPending() {
        var statuses = List.of("pending", "created", "confirmed", "preparing", "ready", "completed");

        assertThat(SmokeChecks.orderEvents(events(statuses), ORDER))
                .startsWith("pending -> created -> confirmed -> preparing -> ready -> completed");
        assertThat(SmokeChecks.orderEvents(events(statuses.subList(1, statuses.size())), ORDER))
                .startsWith("created -> ");
    }

    @Test
    void refusesAMissingStepAnEventWithoutTypeAndFallingSequences() {
        var skipped = events(List.of("created", "confirmed", "ready", "completed"));
        var untyped = events(List.of("created", "confirmed", "preparing", "ready", "completed"));
        untyped.set(2, json("{\"order_id\":\"" + ORDER + "\",\"sequence\":3,\"status\":\"preparing\"}"));
        var reordered = events(List.of("created", "confirmed", "preparing", "ready", "completed"));
        reordered.add(1, reordered.remove(3));

        assertThatThrownBy(() -> SmokeChecks.orderEvents(skipped, ORDER)).hasMessageContaining("expected the statuses");
        assertThatThrownBy(() -> SmokeChecks.orderEvents(untyped, ORDER)).hasMessageContaining("without 'type'");
        assertThatThrownBy(() -> SmokeChecks.orderEvents(reordered, ORDER)).hasMessageContaining("sequence");
        assertThatThrownBy(() -> SmokeChecks.orderEvents(List.of(), ORDER)).hasMessageContaining("no event");
    }

    @Test
    void refusesAnEventOfAnotherOrderUnderThisOrdersKey() {
        var events = events(List.of("created", "confirmed", "preparing", "ready", "completed"));
        events.set(
                0,
                json("{\"type\":\"OrderStatusChanged\",\"order_id\":\"other\",\"sequence\":1,"
                        + "\"status\":\"created\"}"));

        assertThatThrownBy(() -> SmokeChecks.orderEvents(events, ORDER)).hasMessageContaining("names another order");
    }

    @Test
    void takesTheAdminFromTheBootstrapVariablesUnlessGivenOnTheCommandLine() {
        var env = Map.of("POS_BOOTSTRAP_ADMIN_USERNAME", "ops", "POS_BOOTSTRAP_ADMIN_PASSWORD", "secret-ops");

        var fromEnv = SmokeOptions.parse(new String[] {"--api-url", "http://localhost:18080/", "--kafka", "k:1"}, env);
        var fromArgs =
                SmokeOptions.parse(new String[] {"--admin-user", "a", "--admin-password", "b", "--timeout", "5s"}, env);

        assertThat(fromEnv)
                .isEqualTo(new SmokeOptions(
                        java.net.URI.create("http://localhost:18080"),
                        "k:1",
                        "ops",
                        "secret-ops",
                        Duration.ofSeconds(60)));
        assertThat(fromArgs.adminUser()).isEqualTo("a");
        assertThat(fromArgs.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> SmokeOptions.parse(new String[0], Map.of())).hasMessageContaining("admin account");
    }

    private static List<JsonNode> events(List<String> statuses) {
        var events = new ArrayList<JsonNode>();
        for (int i = 0; i < statuses.size(); i++) {
            events.add(json("{\"type\":\"OrderStatusChanged\",\"order_id\":\"" + ORDER + "\",\"sequence\":" + (i + 1)
                    + ",\"status\":\"" + statuses.get(i) + "\"}"));
        }
        return events;
    }

    private static JsonNode json(String text) {
        return PosApi.JSON.readTree(text);
    }
}
