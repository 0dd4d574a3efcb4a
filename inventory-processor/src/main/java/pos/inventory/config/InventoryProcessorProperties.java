package pos.inventory.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import pos.inventory.domain.LowStockPolicy;
import pos.inventory.topology.ProcessedCommandPurge;

/**
 * {@code pos.inventory.*}: low-stock thresholds ({@code low-stock.default-threshold}, and
 * {@code low-stock.thresholds.<productId>}) and how long processed adjust command ids are remembered
 * ({@code processed-commands.retention}; every {@code processed-commands.purge-interval} each task reads the next
 * {@code processed-commands.purge-slice} entries of its stores for what to forget), and how often
 * each ledger task cancels the created orders whose store's order expiry has come
 * ({@code order-expiry.check-interval}).
 */
@ConfigurationProperties("pos.inventory")
public record InventoryProcessorProperties(
        @DefaultValue LowStock lowStock,
        @DefaultValue ProcessedCommands processedCommands,
        @DefaultValue OrderExpiry orderExpiry) {

    public record OrderExpiry(@DefaultValue("1s") Duration checkInterval) {}

    public record LowStock(@DefaultValue("5") BigDecimal defaultThreshold, Map<String, BigDecimal> thresholds) {

        LowStockPolicy policy() {
            return new LowStockPolicy(defaultThreshold, thresholds);
        }
    }

    public record ProcessedCommands(
            @DefaultValue("7d") Duration retention,
            @DefaultValue("30s") Duration purgeInterval,

            @DefaultValue("" + ProcessedCommandPurge.DEFAULT_SLICE)
            int purgeSlice) {

        ProcessedCommandPurge purge() {
            return new ProcessedCommandPurge(retention, purgeInterval, purgeSlice);
        }
    }
}
