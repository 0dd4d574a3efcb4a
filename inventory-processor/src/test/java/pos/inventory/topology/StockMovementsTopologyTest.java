package pos.inventory.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.schemas.Samples.AT;
import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.PRODUCT;
import static pos.schemas.Samples.STORE;
import static pos.schemas.Samples.USER;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pos.inventory.domain.LowStockPolicy;
import pos.inventory.domain.StockLedger;
import pos.schemas.command.AdjustStock;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.CountStock;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.StockChange;
import pos.schemas.event.StockChanged;
import pos.schemas.reply.Outcome;
import pos.schemas.reply.StockCommandReply;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderStatus;

/**
 * Every change to a product's stock comes out of the store ledger as one {@code StockChanged} with who and why:
 * the account, kind and note of an adjustment or count, the order of a reservation, release or sale; versions run
 * 1, 2, 3... so a read model can list them in order. The device time of a sale rides on the order.
 */
class StockMovementsTopologyTest {

    private static final String MANAGER = "65c000000000000000000009";

    @TempDir
    Path stateDir;

    private InventoryDriver ledger;

    @BeforeEach
    void start() {
        ledger = new InventoryDriver(stateDir, LowStockPolicy.uniform(BigDecimal.ZERO));
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    private static List<OrderLine> lines(String qty) {
        return List.of(new OrderLine(PRODUCT, "SKU-1", "Burger", new BigDecimal(qty), new BigDecimal("3.50")));
    }

    private List<StockChanged> stockChanges() {
        return ledger.events().stream()
                .map(kv -> kv.value)
                .filter(StockChanged.class::isInstance)
                .map(StockChanged.class::cast)
                .toList();
    }

    @Test
    void aDeliveryAnOrderItsCancelAndACountAreFourMovementsWithWhoAndWhy() {
        ledger.send(new AdjustStock("adj-1", STORE, PRODUCT, new BigDecimal("10"), "truck 4", MANAGER, AT, "delivery"));
        ledger.send(new PlaceOrder("place-1", ORDER, STORE, USER, USER, lines("3"), "key-1", AT));
        ledger.send(new ChangeOrderStatus("cancel-1", ORDER, STORE, OrderStatus.CANCELLED, USER, AT));
        ledger.send(new CountStock("count-1", STORE, PRODUCT, new BigDecimal("9"), "shelf", MANAGER, AT));

        List<StockChanged> moves = stockChanges();

        assertThat(moves)
                .extracting(StockChanged::change)
                .containsExactly(
                        StockChange.ADJUSTED, StockChange.RESERVED, StockChange.RELEASED, StockChange.ADJUSTED);
        assertThat(moves).extracting(StockChanged::reasonCode).containsExactly("delivery", null, null, "count");
        assertThat(moves).extracting(StockChanged::requestedBy).containsExactly(MANAGER, null, null, MANAGER);
        assertThat(moves).extracting(StockChanged::orderId).containsExactly(null, ORDER, ORDER, null);
        assertThat(moves).extracting(StockChanged::reason).containsExactly("truck 4", null, null, "shelf");
        assertThat(moves).extracting(m -> m.stock().version()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(moves.get(3).onHandDelta()).isEqualByComparingTo("-1");
        assertThat(moves.get(3).stock().onHand()).isEqualByComparingTo("9");
    }

    @Test
    void aCountIsAnsweredLikeAnAdjustmentAndRefusedBelowTheReservedQuantity() {
        ledger.send(new AdjustStock("adj-1", STORE, PRODUCT, new BigDecimal("10"), "delivery", MANAGER, AT));
        ledger.send(new PlaceOrder("place-1", ORDER, STORE, USER, USER, lines("4"), "key-1", AT));
        ledger.replies();
        ledger.events();

        ledger.send(new CountStock("count-1", STORE, PRODUCT, new BigDecimal("3"), null, MANAGER, AT));

        assertThat(ledger.replies()).singleElement().satisfies(kv -> {
            var reply = (StockCommandReply) kv.value;
            assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(reply.detail()).isEqualTo(StockLedger.COUNT_BELOW_RESERVED);
            assertThat(reply.stock().onHand()).isEqualByComparingTo("10");
        });
        assertThat(ledger.events()).isEmpty();

        ledger.send(new CountStock("count-2", STORE, PRODUCT, new BigDecimal("6"), null, MANAGER, AT));
        ledger.send(new CountStock("count-2", STORE, PRODUCT, new BigDecimal("6"), null, MANAGER, AT));

        assertThat(ledger.replies())
                .extracting(kv -> ((StockCommandReply) kv.value).outcome())
                .containsExactly(Outcome.APPLIED, Outcome.APPLIED);
        assertThat(stockChanges()).singleElement().satisfies(move -> {
            assertThat(move.onHandDelta()).isEqualByComparingTo("-4");
            assertThat(move.stock().reserved()).isEqualByComparingTo("4");
        });
    }

    @Test
    void anOldAdjustmentWithOnlyAReasonGetsTheCodeItNames() {
        ledger.send(new AdjustStock("adj-1", STORE, PRODUCT, new BigDecimal("10"), "Delivery", MANAGER, AT));
        ledger.send(new AdjustStock("adj-2", STORE, PRODUCT, new BigDecimal("-1"), "oops", MANAGER, AT));

        assertThat(stockChanges()).extracting(StockChanged::reasonCode).containsExactly("delivery", "correction");
    }

    @Test
    void theDeviceTimeOfASaleIsKeptOnTheOrderBesideTheServerTime() {
        Instant rungUp = AT.minusSeconds(600);
        ledger.send(new AdjustStock("adj-1", STORE, PRODUCT, new BigDecimal("10"), "delivery", MANAGER, AT));
        ledger.send(new PlaceOrder("place-1", ORDER, STORE, USER, USER, lines("1"), "key-1", AT, rungUp));
        ledger.send(new ChangeOrderStatus("confirm-1", ORDER, STORE, OrderStatus.CONFIRMED, USER, AT));

        assertThat(ledger.orderSnapshots()).allSatisfy(kv -> {
            assertThat(kv.value.occurredAt()).isEqualTo(rungUp);
            assertThat(kv.value.createdAt()).isEqualTo(ledger.now());
        });
    }
}
