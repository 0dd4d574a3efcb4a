package pos.orderprocessor.domain;

import pos.schemas.command.OrderCommand;
import pos.schemas.event.ReservationResult;

import java.util.Objects;

/** Anything that can move an order: a client command or inventory-processor's answer to a stock command. */
public sealed interface OrderInput permits OrderInput.Command, OrderInput.InventoryResult {

    String orderId();

    static OrderInput of(OrderCommand command) {
        return new Command(command);
    }

    static OrderInput of(ReservationResult result) {
        return new InventoryResult(result);
    }

    record Command(OrderCommand command) implements OrderInput {

        public Command {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String orderId() {
            return command.orderId();
        }
    }

    record InventoryResult(ReservationResult result) implements OrderInput {

        public InventoryResult {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String orderId() {
            return result.orderId();
        }
    }
}
