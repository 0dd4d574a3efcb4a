package pos.inventory.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.Samples.AT;
import static pos.schemas.Samples.PRODUCT;
import static pos.schemas.Samples.PRODUCT_2;
import static pos.schemas.Samples.STORE;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.inventory.domain.LowStockPolicy;
import pos.schemas.command.AdjustStock;
import pos.schemas.event.InventoryEvent;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.event.StockLevelLow;
import pos.schemas.reply.CommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.reply.StockCommandReply;

/** Adjustments, replies, low-stock warnings and the purge of processed command ids. */
class InventoryTopologyTest {

    @TempDir
    Path stateDir;

    private InventoryDriver inventory;

    @BeforeEach
    void start() {
        inventory = new InventoryDriver(
                stateDir, new LowStockPolicy(new BigDecimal("5"), Map.of(PRODUCT_2, new BigDecimal("1"))));
    }

    @AfterEach
    void stop() {
        inventory.close();
    }

    /** The same topology with a purge that reads {@code slice} entries per run. */
    private void restartWithPurgeSlice(int slice) {
        inventory.close();
        inventory = new InventoryDriver(
                stateDir,
                new LowStockPolicy(new BigDecimal("5"), Map.of()),
                new java.util.Properties(),
                new ProcessedCommandPurge(InventoryDriver.RETENTION, InventoryDriver.PURGE_INTERVAL, slice));
    }

    private static AdjustStock adjust(String commandId, String productId, String delta) {
        return new AdjustStock(commandId, STORE, productId, new BigDecimal(delta), "delivery", "user-1", AT);
    }

    @Test
    void appliedAdjustRepliesKeyedByCommandIdAndEmitsAnEventKeyedByStore() {
        inventory.send(adjust("cmd-1", PRODUCT, "12.5"));

        KeyValue<String, CommandReply> reply = inventory.replies().get(0);
        assertThat(reply.key).isEqualTo("cmd-1");
        assertThat(reply.value).isInstanceOfSatisfying(StockCommandReply.class, r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(r.stock().onHand()).isEqualTo(new BigDecimal("12.5"));
            assertThat(r.stock().version()).isEqualTo(1);
            assertThat(r.occurredAt()).isEqualTo(inventory.now());
        });
        List<KeyValue<String, InventoryEvent>> events = inventory.events();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.key).isEqualTo(STORE);
            assertThat(event.value).isInstanceOfSatisfying(StockChanged.class, changed -> {
                assertThat(changed.eventId()).isEqualTo("cmd-1/" + PRODUCT + "/adjusted");
                assertThat(changed.change()).isEqualTo(StockChange.ADJUSTED);
                assertThat(changed.reason()).isEqualTo("delivery");
                assertThat(changed.onHandDelta()).isEqualTo(new BigDecimal("12.5"));
                assertThat(changed.occurredAt()).isEqualTo(inventory.now());
            });
        });
        assertThat(inventory.orderEvents.isEmpty()).isTrue();
    }

    @Test
    void keepsStockUnderACompositeStoreAndProductKey() {
        inventory.send(adjust("cmd-1", PRODUCT, "3"));
        inventory.send(adjust("cmd-2", PRODUCT, "2"));

        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT)).satisfies(stock -> {
            assertThat(stock.onHand()).isEqualByComparingTo("5");
            assertThat(stock.version()).isEqualTo(2);
            assertThat(stock.createdAt()).isEqualTo(InventoryDriver.START);
        });
        assertThat(inventory.processedStore().get(STORE + "|cmd-2").reply().outcome())
                .isEqualTo(Outcome.APPLIED);
    }

    @Test
    void refusedAdjustRepliesWithInsufficientStockAndTheZeroLevelOfANewProduct() {
        inventory.send(adjust("cmd-1", PRODUCT, "-1"));

        assertThat(inventory.replies()).singleElement().satisfies(reply -> {
            StockCommandReply refused = (StockCommandReply) reply.value;
            assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(refused.detail()).isEqualTo("Insufficient stock");
            assertThat(refused.stock().version()).isZero();
            assertThat(refused.stock().available()).isZero();
        });
        assertThat(inventory.events.isEmpty()).isTrue();
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT)).isNull();
    }

    @Test
    void repeatedAdjustCommandReplaysTheStoredReplyAndChangesNothing() {
        inventory.send(adjust("cmd-1", PRODUCT, "10"));
        CommandReply first = inventory.replies().get(0).value;
        inventory.events();
        inventory.advance(Duration.ofMinutes(5));

        inventory.send(adjust("cmd-1", PRODUCT, "10"));

        assertThat(inventory.replies())
                .singleElement()
                .satisfies(reply -> assertThat(reply.value).isEqualTo(first));
        assertThat(inventory.events.isEmpty()).isTrue();
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT).onHand()).isEqualByComparingTo("10");
    }

    @Test
    void repeatedRefusedAdjustStaysRefused() {
        inventory.send(adjust("cmd-1", PRODUCT, "-1"));
        inventory.send(adjust("cmd-2", PRODUCT, "4"));
        inventory.replies();

        inventory.send(adjust("cmd-1", PRODUCT, "-1"));

        assertThat(((StockCommandReply) inventory.replies().get(0).value).outcome())
                .isEqualTo(Outcome.REFUSED);
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT).onHand()).isEqualByComparingTo("4");
    }

    @Test
    void warnsOfLowStockOnlyWhenCrossingTheThreshold() {
        inventory.send(adjust("cmd-1", PRODUCT, "8"));
        inventory.send(adjust("cmd-2", PRODUCT, "-3"));
        inventory.send(adjust("cmd-3", PRODUCT, "-1"));
        inventory.send(adjust("cmd-4", PRODUCT, "2"));
        inventory.send(adjust("cmd-5", PRODUCT, "-2"));

        List<StockLevelLow> warnings = inventory.events().stream()
                .map(kv -> kv.value)
                .filter(StockLevelLow.class::isInstance)
                .map(StockLevelLow.class::cast)
                .toList();
        assertThat(warnings)
                .extracting(StockLevelLow::eventId)
                .containsExactly("cmd-2/" + PRODUCT + "/low", "cmd-5/" + PRODUCT + "/low");
        assertThat(warnings.get(0).available()).isEqualByComparingTo("5");
        assertThat(warnings.get(0).threshold()).isEqualByComparingTo("5");
        assertThat(warnings.get(0).version()).isEqualTo(2);
    }

    @Test
    void usesTheConfiguredThresholdOfAProduct() {
        inventory.send(adjust("cmd-1", PRODUCT_2, "3"));
        inventory.send(adjust("cmd-2", PRODUCT_2, "-1"));
        inventory.send(adjust("cmd-3", PRODUCT_2, "-1"));

        assertThat(inventory.events())
                .filteredOn(kv -> kv.value instanceof StockLevelLow)
                .singleElement()
                .satisfies(kv -> assertThat(kv.value.eventId()).startsWith("cmd-3/"));
    }

    @Test
    void purgesProcessedCommandIdsOnceOlderThanTheRetention() {
        inventory.send(adjust("cmd-old", PRODUCT, "1"));
        inventory.advance(Duration.ofDays(6));
        inventory.send(adjust("cmd-new", PRODUCT, "1"));

        inventory.advance(Duration.ofDays(1).plus(InventoryDriver.PURGE_INTERVAL));

        assertThat(inventory.processedStore().get(STORE + "|cmd-old")).isNull();
        assertThat(inventory.processedStore().get(STORE + "|cmd-new")).isNotNull();
    }

    @Test
    void eachPurgeReadsOneSliceAndTheNextGoesOnWhereItStopped() {
        restartWithPurgeSlice(2);
        var ids = List.of("cmd-a", "cmd-b", "cmd-c", "cmd-d", "cmd-e");
        ids.forEach(id -> inventory.send(adjust(id, PRODUCT, "1")));
        var kept = new java.util.ArrayList<List<String>>();
        // the first run comes once everything is past the retention; each later one an interval after it
        inventory.advance(InventoryDriver.RETENTION.plusMinutes(1));
        for (int run = 0; run < 4; run++) {
            kept.add(ids.stream()
                    .filter(id -> inventory.processedStore().get(STORE + "|" + id) != null)
                    .toList());
            inventory.advance(InventoryDriver.PURGE_INTERVAL);
        }

        assertThat(kept)
                .as("what is left after each run, two entries read per run")
                .containsExactly(List.of("cmd-c", "cmd-d", "cmd-e"), List.of("cmd-e"), List.of(), List.of());
    }

    @Test
    void endedOrdersArePurgedSliceBySliceAndLiveOnesNever() {
        restartWithPurgeSlice(1);
        inventory.send(adjust("stock", PRODUCT, "1"));
        // order-1 takes the only unit and stays created; order-2 and order-3 are rejected, which ends them
        for (var order : List.of("order-1", "order-2", "order-3")) {
            inventory.send(new pos.schemas.command.PlaceOrder(
                    "place-" + order,
                    order,
                    STORE,
                    "user-1",
                    "user-1",
                    List.of(new pos.schemas.value.OrderLine(
                            PRODUCT, "SKU-1", "Tea", BigDecimal.ONE, new BigDecimal("1.20"))),
                    null,
                    AT));
        }
        var kept = new java.util.ArrayList<List<String>>();
        // the first run comes once everything is past the retention; each later one an interval after it
        inventory.advance(InventoryDriver.RETENTION.plusMinutes(1));
        for (int run = 0; run < 3; run++) {
            kept.add(List.of("order-1", "order-2", "order-3").stream()
                    .filter(order -> inventory.orderStore().get(InventoryStores.key(STORE, order)) != null)
                    .toList());
            inventory.advance(InventoryDriver.PURGE_INTERVAL);
        }

        assertThat(kept)
                .as("orders left after each run, one order read per run")
                .containsExactly(
                        List.of("order-1", "order-2", "order-3"), List.of("order-1", "order-3"), List.of("order-1"));
    }

    @Test
    void keepsProcessedCommandIdsWithinTheRetention() {
        inventory.send(adjust("cmd-1", PRODUCT, "1"));

        inventory.advance(InventoryDriver.RETENTION.minus(InventoryDriver.PURGE_INTERVAL));
        inventory.send(adjust("cmd-1", PRODUCT, "1"));

        assertThat(inventory.processedStore().get(STORE + "|cmd-1")).isNotNull();
        assertThat(inventory.stockStore().get(STORE + "|" + PRODUCT).onHand()).isEqualByComparingTo("1");
    }
}
