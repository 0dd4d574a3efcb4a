package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.STORE;
import static pos.inventory.domain.LedgerHarness.USER;
import static pos.inventory.domain.LedgerHarness.line;
import static pos.inventory.domain.LedgerHarness.orderLines;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.StockChanged;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.StoreSettings;

/** A store's order expiry: a created order nobody confirmed is cancelled as "expired" and its stock released. */
class OrderExpiryTest {

    static final Instant CREATED_AT = Instant.parse("2026-11-25T10:00:00Z");

    private final LedgerHarness store = new LedgerHarness();
    private final StoreLedger ledger = new StoreLedger(new StockLedger(LowStockPolicy.uniform(BigDecimal.ZERO)));

    private OrderState placed(String orderId) {
        store.adjust(APPLE, "10");
        store.decide(new PlaceOrder(
                "place-" + orderId, orderId, STORE, USER, USER, orderLines(line(APPLE, "4")), null, store.now()));
        return store.orders.get(orderId);
    }

    @Test
    void neverExpiresWithoutASetting() {
        assertThat(OrderExpiry.deadline(null, CREATED_AT)).isEmpty();
        assertThat(OrderExpiry.deadline(StoreSettings.defaults(STORE), CREATED_AT))
                .isEmpty();
        assertThat(OrderExpiry.stillOn(StoreSettings.defaults(STORE))).isFalse();
    }

    @Test
    void expiresTheSetTimeAfterCreation() {
        var settings = new StoreSettings(STORE, 900L, "ada", CREATED_AT);

        assertThat(OrderExpiry.deadline(settings, CREATED_AT)).hasValue(CREATED_AT.plusSeconds(900));
        assertThat(OrderExpiry.stillOn(settings)).isTrue();
    }

    @Test
    void cancelsACreatedOrderAsExpiredAndReleasesItsStock() {
        var order = placed("order-1");
        assertThat(store.stock(APPLE).reserved()).isEqualByComparingTo("4");

        var decision = ledger.expireUnconfirmed(order, store::find, CREATED_AT.plusSeconds(60));

        var expired = decision.state().orElseThrow().order();
        assertThat(expired.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(expired.cancelReason()).isEqualTo(OrderSnapshot.EXPIRED);
        assertThat(decision.orderEvents()).singleElement().satisfies(event -> {
            assertThat(event.previousStatus()).isEqualTo(OrderStatus.CREATED);
            assertThat(event.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(event.order().cancelReason()).isEqualTo(OrderSnapshot.EXPIRED);
            assertThat(event.cancelReason()).isEqualTo(OrderSnapshot.EXPIRED);
            assertThat(event.causedBy()).isEqualTo(OrderExpiry.causeOf("order-1"));
        });
        assertThat(decision.stocks()).singleElement().satisfies(stock -> {
            assertThat(stock.reserved()).isZero();
            assertThat(stock.onHand()).isEqualByComparingTo("10");
        });
        assertThat(decision.stockEvents()).singleElement().isInstanceOf(StockChanged.class);
        assertThat(decision.reply()).as("nobody asked").isEmpty();
    }

    @Test
    void leavesAnOrderThatMovedOnAlone() {
        placed("order-1");
        store.decide(store.status("confirm-1", "order-1", OrderStatus.CONFIRMED));

        var decision = ledger.expireUnconfirmed(store.orders.get("order-1"), store::find, CREATED_AT.plusSeconds(60));

        assertThat(decision.state()).isEmpty();
        assertThat(decision.orderEvents()).isEmpty();
        assertThat(decision.stocks()).isEmpty();
    }

    @Test
    void leavesAnUnknownOrCancelledOrderAlone() {
        assertThat(ledger.expireUnconfirmed(null, store::find, CREATED_AT).state())
                .isEmpty();
        placed("order-1");
        store.decide(store.status("cancel-1", "order-1", OrderStatus.CANCELLED));

        assertThat(ledger.expireUnconfirmed(store.orders.get("order-1"), store::find, CREATED_AT)
                        .state())
                .isEmpty();
    }

    @Test
    void aCancelByStaffCarriesNoCancelReason() {
        placed("order-1");
        store.decide(store.status("cancel-1", "order-1", OrderStatus.CANCELLED));

        assertThat(store.orders.get("order-1").order().cancelReason()).isNull();
    }
}
