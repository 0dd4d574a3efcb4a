package pos.orderprocessor.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pos.schemas.Samples;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.ReserveStock;
import pos.schemas.event.StockReserved;
import pos.schemas.reply.Outcome;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;
import pos.schemas.value.StockLine;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static pos.orderprocessor.domain.Orders.minute;
import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.PRODUCT;
import static pos.schemas.Samples.PRODUCT_2;
import static pos.schemas.Samples.STORE;

class OrderPlacementTest {

    private final OrderStateMachine machine = new OrderStateMachine();

    @Test
    void placesNewOrderAsPendingAndAsksForItsStock() {
        var transition = machine.apply(null, Orders.place(), minute(0));

        var order = transition.next().order();
        assertThat(transition.stateToStore()).contains(transition.next());
        assertThat(order.orderId()).isEqualTo(ORDER);
        assertThat(order.sequence()).isEqualTo(1);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.storeId()).isEqualTo(STORE);
        assertThat(order.userId()).isEqualTo(Samples.USER);
        assertThat(order.lines()).isEqualTo(Samples.lines());
        assertThat(order.idempotencyKey()).isEqualTo("idem-123");
        assertThat(order.createdAt()).isEqualTo(minute(0));
        assertThat(order.updatedAt()).isEqualTo(minute(0));
        assertThat(transition.next().placeCommandId()).isEqualTo("cmd-place-1");

        assertThat(transition.events()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(ORDER + "/1");
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.previousStatus()).isNull();
            assertThat(event.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(event.storeId()).isEqualTo(STORE);
            assertThat(event.order()).isEqualTo(order);
            assertThat(event.causedBy()).isEqualTo("cmd-place-1");
            assertThat(event.occurredAt()).isEqualTo(minute(0));
        });
        assertThat(transition.inventoryCommands()).containsExactly(new ReserveStock("reserve:" + ORDER, STORE, ORDER,
                List.of(new StockLine(PRODUCT, new BigDecimal("2")), new StockLine(PRODUCT_2, new BigDecimal("1.5"))),
                minute(0)));
        assertThat(transition.replies()).as("the placement is answered once stock is decided").isEmpty();
    }

    @Test
    void pricesTheOrderExactlyWithoutTax() {
        var lines = List.of(new OrderLine(PRODUCT, "SKU-1", "Tea", new BigDecimal("1.5"), new BigDecimal("2.25")));

        var order = machine.apply(null, Orders.place("cmd-1", lines), minute(0)).next().order();

        assertThat(order.subtotal()).isEqualTo(new BigDecimal("3.375"));
        assertThat(order.tax()).isNull();
        assertThat(order.total()).isEqualTo(new BigDecimal("3.375"));
    }

    @Test
    void sumsEveryLineIntoTheSubtotal() {
        var order = machine.apply(null, Orders.place(), minute(0)).next().order();

        assertThat(order.subtotal()).isEqualTo(new BigDecimal("10.375"));
        assertThat(order.total()).isEqualTo(new BigDecimal("10.375"));
    }

    @Test
    void reservesLinesOfTheSameProductTogether() {
        var lines = List.of(
                new OrderLine(PRODUCT, "SKU-1", "Burger", new BigDecimal("2"), new BigDecimal("3.50")),
                new OrderLine(PRODUCT_2, "SKU-2", "Tea", new BigDecimal("1"), new BigDecimal("2.00")),
                new OrderLine(PRODUCT, "SKU-1", "Burger", new BigDecimal("0.5"), new BigDecimal("3.50")));

        var reserve = (ReserveStock) machine.apply(null, Orders.place("cmd-1", lines), minute(0))
                .inventoryCommands().get(0);

        assertThat(reserve.lines()).containsExactly(new StockLine(PRODUCT, new BigDecimal("2.5")),
                new StockLine(PRODUCT_2, new BigDecimal("1")));
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void retriedPlacementChangesNothingAndRepliesWithTheCurrentOrder(OrderStatus status) {
        var current = Orders.in(status);

        for (var commandId : List.of("cmd-place-1", "cmd-place-other")) {
            var transition = machine.apply(current, Orders.place(commandId, Samples.lines()), minute(9));

            assertThat(transition.next()).isSameAs(current);
            assertThat(transition.stateToStore()).isEmpty();
            assertThat(transition.events()).isEmpty();
            assertThat(transition.inventoryCommands()).isEmpty();
            assertThat(transition.replies()).singleElement().satisfies(reply -> {
                assertThat(reply.commandId()).isEqualTo(commandId);
                assertThat(reply.outcome()).isEqualTo(Outcome.UNCHANGED);
                assertThat(reply.order()).isEqualTo(current.order());
                assertThat(reply.occurredAt()).isEqualTo(minute(9));
            });
        }
    }

    @Test
    void reservedStockCreatesThePendingOrderAndAnswersThePlacement() {
        var pending = Orders.in(OrderStatus.PENDING);

        var transition = machine.apply(pending, Orders.reserved(), minute(1));

        var order = transition.next().order();
        assertThat(transition.stateToStore()).contains(transition.next());
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.sequence()).isEqualTo(2);
        assertThat(order.createdAt()).isEqualTo(minute(0));
        assertThat(order.updatedAt()).isEqualTo(minute(1));
        assertThat(order.lines()).isEqualTo(pending.order().lines());
        assertThat(order.subtotal()).isEqualTo(pending.order().subtotal());
        assertThat(transition.events()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(ORDER + "/2");
            assertThat(event.previousStatus()).isEqualTo(OrderStatus.PENDING);
            assertThat(event.status()).isEqualTo(OrderStatus.CREATED);
            assertThat(event.causedBy()).isEqualTo("reserve:" + ORDER);
            assertThat(event.order()).isEqualTo(order);
        });
        assertThat(transition.inventoryCommands()).isEmpty();
        assertThat(transition.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.commandId()).isEqualTo("cmd-place-1");
            assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(reply.order()).isEqualTo(order);
            assertThat(reply.detail()).isNull();
        });
    }

    @Test
    void rejectedStockRejectsThePendingOrderAndNamesTheFirstShortProduct() {
        var pending = Orders.in(OrderStatus.PENDING);
        var shortages = List.of(Orders.shortage(PRODUCT_2), Orders.shortage(PRODUCT));

        var transition = machine.apply(pending, Orders.rejected(shortages.toArray(Shortage[]::new)),
                minute(1));

        var order = transition.next().order();
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.sequence()).isEqualTo(2);
        assertThat(order.shortages()).isEqualTo(shortages);
        assertThat(transition.events()).singleElement().satisfies(event -> {
            assertThat(event.previousStatus()).isEqualTo(OrderStatus.PENDING);
            assertThat(event.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(event.order().shortages()).isEqualTo(shortages);
        });
        assertThat(transition.inventoryCommands()).as("nothing was reserved, nothing to release").isEmpty();
        assertThat(transition.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.commandId()).isEqualTo("cmd-place-1");
            assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(reply.detail()).isEqualTo("Insufficient stock for product " + PRODUCT_2);
            assertThat(reply.order()).isEqualTo(order);
            assertThat(reply.allowedNext()).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void reservationResultsForADecidedOrderChangeNothing(OrderStatus status) {
        var current = Orders.in(status);

        for (var result : List.of(Orders.reserved(), Orders.rejected(Orders.shortage(PRODUCT)))) {
            assertNoChange(machine.apply(current, result, minute(9)), current);
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void releasedAndCommittedStockChangeNoStatus(OrderStatus status) {
        var current = Orders.in(status);

        assertNoChange(machine.apply(current, Orders.released(), minute(9)), current);
        assertNoChange(machine.apply(current, Orders.committed(), minute(9)), current);
    }

    @Test
    void ignoresAnAnswerToSomeoneElsesReservation() {
        var pending = Orders.in(OrderStatus.PENDING);
        var foreign = OrderInput.of(new StockReserved("reserve:other", ORDER, STORE, List.of(),
                minute(1)));

        assertNoChange(machine.apply(pending, foreign, minute(1)), pending);
    }

    @Test
    void ignoresReservationResultsForAnUnknownOrder() {
        for (var result : List.of(Orders.reserved(), Orders.rejected(), Orders.released(), Orders.committed())) {
            assertNoChange(machine.apply(null, result, minute(1)), null);
        }
    }

    @Test
    void refusesToApplyAnInputToAnotherOrdersState() {
        var otherOrder = OrderInput.of(new ChangeOrderStatus("cmd-x", "65b000000000000000000999",
                OrderStatus.CONFIRMED, Samples.USER, minute(0)));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> machine.apply(Orders.in(OrderStatus.CREATED), otherOrder, minute(1)));
    }

    private static void assertNoChange(Transition transition, OrderState current) {
        assertThat(transition.next()).isSameAs(current);
        assertThat(transition.stateToStore()).isEmpty();
        assertThat(transition.events()).isEmpty();
        assertThat(transition.inventoryCommands()).isEmpty();
        assertThat(transition.replies()).isEmpty();
    }
}
