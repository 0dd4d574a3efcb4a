package pos.api.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publishing of product changes: how long a request waits for the broker's ack, and how the re-publisher retries
 * changes that were not acknowledged.
 */
@ConfigurationProperties("pos.catalog")
record CatalogProperties(
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("10s") Duration republishInterval,
        @DefaultValue("30s") Duration republishAfter,
        @DefaultValue("100") int republishBatch) {}
