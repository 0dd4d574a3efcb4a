package pos.inventory.topology;

import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.value.StoreSettings;

import java.util.Objects;

/**
 * A command of either command topic, or a store's settings; all three topics are keyed by store id and
 * co-partitioned, so one store's commands and settings meet in one task, in the order they were written.
 */
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

    record Settings(StoreSettings settings) implements LedgerInput {

        public Settings {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public String storeId() {
            return settings.storeId();
        }

        @Override
        public String commandId() {
            return "settings-" + settings.storeId();
        }
    }
}
