package pos.inventory.topology;

import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;

import java.util.Objects;

/** A command of either input topic; both are keyed by store id, so one store's commands meet in one task. */
sealed interface LedgerInput {

    String storeId();

    String commandId();

    record Stock(InventoryCommand command) implements LedgerInput {

        public Stock {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String storeId() {
            return command.storeId();
        }

        @Override
        public String commandId() {
            return command.commandId();
        }
    }

    record Order(OrderCommand command) implements LedgerInput {

        public Order {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String storeId() {
            return command.storeId();
        }

        @Override
        public String commandId() {
            return command.commandId();
        }
    }
}
