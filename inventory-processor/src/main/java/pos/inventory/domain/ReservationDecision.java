package pos.inventory.domain;

import java.util.List;
import pos.schemas.value.Shortage;

/** Whether a whole order can be reserved in one store. */
public sealed interface ReservationDecision {

    /** Every line is covered; {@code lines} has one line per product (duplicates summed). */
    record Reserved(List<StockLine> lines) implements ReservationDecision {

        public Reserved {
            lines = List.copyOf(lines);
        }
    }

    /** At least one product is short; every short product is listed with its summed request. */
    record Rejected(List<Shortage> shortages) implements ReservationDecision {

        public Rejected {
            shortages = List.copyOf(shortages);
            if (shortages.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one shortage");
            }
        }
    }
}
