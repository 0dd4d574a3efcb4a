package pos.inventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import pos.inventory.domain.LowStockPolicy;

class InventoryProcessorPropertiesTest {

    private static InventoryProcessorProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("pos.inventory", InventoryProcessorProperties.class);
    }

    @Test
    void defaultsToThresholdFiveAndSevenDaysRetention() {
        InventoryProcessorProperties properties = bind(Map.of());

        LowStockPolicy policy = properties.lowStock().policy();
        assertThat(policy.thresholdFor("any")).isEqualByComparingTo("5");
        assertThat(properties.processedCommands().purge().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.processedCommands().purge().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.processedCommands().purge().slice()).isEqualTo(1_000);
    }

    @Test
    void bindsAThresholdPerProductBesideTheDefault() {
        InventoryProcessorProperties properties = bind(Map.of(
                "pos.inventory.low-stock.default-threshold", "3",
                "pos.inventory.low-stock.thresholds.65d000000000000000000001", "12.5",
                "pos.inventory.processed-commands.retention", "2d",
                "pos.inventory.processed-commands.purge-interval", "10m",
                "pos.inventory.processed-commands.purge-slice", "50"));

        LowStockPolicy policy = properties.lowStock().policy();
        assertThat(policy.thresholdFor("65d000000000000000000001")).isEqualByComparingTo("12.5");
        assertThat(policy.thresholdFor("65d000000000000000000002")).isEqualByComparingTo("3");
        assertThat(properties.processedCommands().purge().retention()).isEqualTo(Duration.ofDays(2));
        assertThat(properties.processedCommands().purge().interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.processedCommands().purge().slice()).isEqualTo(50);
    }
}
