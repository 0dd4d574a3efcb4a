package pos.orderprocessor.domain;

import pos.schemas.Samples;
import pos.schemas.command.ChangeOrderStatus;
import pos.schemas.command.PlaceOrder;
import pos.schemas.event.StockCommitted;
import pos.schemas.event.StockReleased;
import pos.schemas.event.StockReservationRejected;
import pos.schemas.event.StockReserved;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.STORE;

/** Inputs for the sample order, and orders driven into any status through the state machine itself. */
final class Orders {

    static final Instant PLACED_AT = Instant.parse("2026-11-25T12:00:00Z");
    static final String RESERVE_ID = "reserve:" + ORDER;

    private static final OrderStateMachine MACHINE = new OrderStateMachine();

    private Orders() {
    }

    static OrderInput place() {
        return OrderInput.of(Samples.placeOrder());
    }

    static OrderInput place(String commandId, List<OrderLine> lines) {
        return OrderInput.of(new PlaceOrder(commandId, ORDER, STORE, Samples.USER, Samples.USER, lines, "idem-1",
                PLACED_AT));
    }

    static OrderInput change(String commandId, OrderStatus to) {
        return OrderInput.of(new ChangeOrderStatus(commandId, ORDER, to, Samples.USER, PLACED_AT));
    }

    static OrderInput reserved() {
        return OrderInput.of(new StockReserved(RESERVE_ID, ORDER, STORE, Samples.reserveStock().lines(), PLACED_AT));
    }

    static OrderInput rejected(Shortage... shortages) {
        return OrderInput.of(new StockReservationRejected(RESERVE_ID, ORDER, STORE, List.of(shortages), PLACED_AT));
    }

    static Shortage shortage(String productId) {
        return new Shortage(productId, new BigDecimal("2"), BigDecimal.ONE);
    }

    static OrderInput released() {
        return OrderInput.of(new StockReleased("release:" + ORDER, ORDER, STORE, PLACED_AT));
    }

    static OrderInput committed() {
        return OrderInput.of(new StockCommitted("commit:" + ORDER, ORDER, STORE, PLACED_AT));
    }

    static Instant minute(int n) {
        return PLACED_AT.plusSeconds(60L * n);
    }

    /** The sample order in the given status, reached by the shortest path of real inputs, one minute apart. */
    static OrderState in(OrderStatus status) {
        var state = MACHINE.apply(null, place(), minute(0)).next();
        if (status == OrderStatus.PENDING) {
            return state;
        }
        if (status == OrderStatus.REJECTED) {
            return MACHINE.apply(state, rejected(shortage(Samples.PRODUCT)), minute(1)).next();
        }
        state = MACHINE.apply(state, reserved(), minute(1)).next();
        var path = switch (status) {
            case CONFIRMED -> List.of(OrderStatus.CONFIRMED);
            case PREPARING -> List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING);
            case READY -> List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY);
            case COMPLETED -> List.of(OrderStatus.CONFIRMED, OrderStatus.PREPARING, OrderStatus.READY,
                    OrderStatus.COMPLETED);
            case CANCELLED -> List.of(OrderStatus.CANCELLED);
            default -> List.<OrderStatus>of();
        };
        for (var step : path) {
            state = MACHINE.apply(state, change("setup-" + step.wireName(), step), minute(2)).next();
        }
        if (state.status() != status) {
            throw new IllegalStateException("fixture could not reach " + status + ", got " + state.status());
        }
        return state;
    }
}
