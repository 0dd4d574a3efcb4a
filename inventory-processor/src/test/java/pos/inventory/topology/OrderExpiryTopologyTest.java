package pos.inventory.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.Samples.AT;
import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.PRODUCT;
import static pos.schemas.Samples.STORE;
import static pos.schemas.Samples.USER;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.inventory.domain.LowStockPolicy;
import pos.schemas.Topics;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.StoreSettings;

/**
 * The store's order expiry in the ledger: a created order nobody confirmed is cancelled as "expired" by the task's
 * wall-clock check, with its stock released in the same step; without the setting nothing is indexed or expired.
 */
class OrderExpiryTopologyTest {

    @TempDir
    Path stateDir;

    private InventoryDriver ledger;

    @BeforeEach
    void start() {
        ledger = new InventoryDriver(stateDir, LowStockPolicy.uniform(BigDecimal.ZERO));
        ledger.send(new AdjustStock("stock-1", STORE, PRODUCT, new BigDecimal("10"), "delivery", USER, AT));
        ledger.replies();
        ledger.events();
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    private void place() {
        ledger.send(new PlaceOrder(
                "place-1",
                ORDER,
                STORE,
                USER,
                USER,
                List.of(new OrderLine(PRODUCT, "SKU-1", "Burger", new BigDecimal("4"), new BigDecimal("3.50"))),
                "key-1",
                AT));
        ledger.orderEvents();
        ledger.orderSnapshots();
        ledger.events();
        ledger.replies();
    }

    private void expireAfter(long seconds) {
        ledger.settings.pipeInput(STORE, new StoreSettings(STORE, seconds, "ada", AT));
    }

    private BigDecimal reserved() {
        return ledger.stockStore().get(InventoryStores.key(STORE, PRODUCT)).reserved();
    }

    @Test
    void withoutASettingNothingIsIndexedAndNothingExpires() {
        place();

        ledger.advance(Duration.ofDays(1));

        assertThat(ledger.expiryStore().approximateNumEntries()).isZero();
        assertThat(ledger.orderEvents()).isEmpty();
        assertThat(reserved()).isEqualByComparingTo("4");
    }

    @Test
    void anUnconfirmedOrderIsCancelledAsExpiredAndItsStockReleased() {
        expireAfter(60);
        place();

        ledger.advance(Duration.ofSeconds(59));
        assertThat(ledger.orderEvents()).as("not yet due").isEmpty();
        ledger.advance(Duration.ofSeconds(2));

        assertThat(ledger.orderEvents()).singleElement().satisfies(record -> {
            var event = (OrderStatusChanged) record.value;
            assertThat(event.previousStatus()).isEqualTo(OrderStatus.CREATED);
            assertThat(event.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(event.order().cancelReason()).isEqualTo(OrderSnapshot.EXPIRED);
            assertThat(event.cancelReason()).isEqualTo(OrderSnapshot.EXPIRED);
        });
        assertThat(ledger.orderSnapshots())
                .extracting(kv -> kv.value.cancelReason())
                .containsExactly(OrderSnapshot.EXPIRED);
        assertThat(ledger.events()).as("the release").hasSize(1);
        assertThat(reserved()).isZero();
        assertThat(ledger.replies()).as("nobody waits for an expiry").isEmpty();
        assertThat(ledger.orderStore().get(InventoryStores.key(STORE, ORDER)).status())
                .isEqualTo(OrderStatus.CANCELLED);
        assertThat(ledger.expiryStore().approximateNumEntries()).isZero();

        ledger.advance(Duration.ofMinutes(5));
        assertThat(ledger.orderEvents()).as("expired once").isEmpty();
    }

    @Test
    void aConfirmedOrderDoesNotExpire() {
        expireAfter(60);
        place();
        ledger.send(new ChangeOrderStatus("confirm-1", ORDER, STORE, OrderStatus.CONFIRMED, USER, AT));
        ledger.orderEvents();

        ledger.advance(Duration.ofSeconds(61));

        assertThat(ledger.orderEvents()).isEmpty();
        assertThat(reserved()).isEqualByComparingTo("4");
        assertThat(ledger.expiryStore().approximateNumEntries())
                .as("forgotten once due")
                .isZero();
    }

    @Test
    void turningTheSettingOffSparesOrdersAlreadyWatched() {
        expireAfter(60);
        place();
        ledger.settings.pipeInput(STORE, StoreSettings.defaults(STORE));

        ledger.advance(Duration.ofSeconds(61));

        assertThat(ledger.orderEvents()).isEmpty();
        assertThat(reserved()).isEqualByComparingTo("4");
    }

    @Test
    void anotherStoresSettingDoesNotApply() {
        ledger.settings.pipeInput(
                "65a000000000000000000009", new StoreSettings("65a000000000000000000009", 60L, "ada", AT));
        place();

        ledger.advance(Duration.ofSeconds(61));

        assertThat(ledger.orderEvents()).isEmpty();
        assertThat(ledger.expiryStore().approximateNumEntries()).isZero();
    }

    @Test
    void unreadableOrMisroutedSettingsAreSkippedAndTheLedgerGoesOn() {
        var raw = ledger.driver.createInputTopic(
                Topics.STORE_SETTINGS,
                Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        raw.pipeInput(STORE, "not json".getBytes(StandardCharsets.UTF_8));
        ledger.settings.pipeInput("65a000000000000000000009", new StoreSettings(STORE, 60L, "ada", AT));
        place();

        ledger.advance(Duration.ofSeconds(61));

        assertThat(ledger.orderEvents()).isEmpty();
        assertThat(ledger.orderStore().get(InventoryStores.key(STORE, ORDER)).status())
                .isEqualTo(OrderStatus.CREATED);
    }
}
