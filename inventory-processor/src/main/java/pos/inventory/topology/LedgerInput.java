package pos.inventory.topology;

import java.util.Objects;
import pos.schemas.command.ExpirePlacements;
import pos.schemas.command.InventoryCommand;
import pos.schemas.command.OrderCommand;
import pos.schemas.command.SingleOrderCommand;
import pos.schemas.value.StoreSettings;

/**
 * A command of either command topic, or a store's settings; all three topics are keyed by store id and
 * co-partitioned, so one store's commands and settings meet in one task, in the order they were written.
 */
sealed interface LedgerInput {

    String storeId();

    String commandId();

    /** An order command: one order's command, or the placement deadline's batch of a store's expiries. */
    static LedgerInput of(OrderCommand command) {
        if (command instanceof ExpirePlacements batch) {
            return new Expiries(batch);
        }
        return new Order((SingleOrderCommand) command);
    }

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

    record Order(SingleOrderCommand command) implements LedgerInput {

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

    /** The expiries of many placements of one store: handled as one {@code ExpirePlacement} per order. */
    record Expiries(ExpirePlacements batch) implements LedgerInput {

        public Expiries {
            Objects.requireNonNull(batch, "batch");
        }

        @Override
        public String storeId() {
            return batch.storeId();
        }

        @Override
        public String commandId() {
            return batch.commandId();
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
