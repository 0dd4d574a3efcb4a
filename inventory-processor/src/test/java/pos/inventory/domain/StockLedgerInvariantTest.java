package pos.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.inventory.domain.LedgerHarness.APPLE;
import static pos.inventory.domain.LedgerHarness.PEAR;
import static pos.inventory.domain.LedgerHarness.PLUM;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pos.schemas.event.StockChanged;

/**
 * Long random command sequences (fixed seeds, so a failure replays): the invariants hold after every step,
 * reserved stock always equals what the live orders hold, and the events add up to the final stock.
 */
class StockLedgerInvariantTest {

    private static final List<String> PRODUCTS = List.of(APPLE, PEAR, PLUM);

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, 99991})
    void invariantsHoldThroughRandomCommands(long seed) {
        Random random = new Random(seed);
        LedgerHarness store = new LedgerHarness(LowStockPolicy.uniform(new BigDecimal("2")));

        for (int step = 0; step < 500; step++) {
            String order = "order-" + random.nextInt(40);
            switch (random.nextInt(5)) {
                case 0 -> store.adjust(product(random), quantity(random, true));
                case 1, 2 ->
                    store.reserve(order, new StockLine(product(random), new BigDecimal(quantity(random, false))));
                case 3 -> store.release(order);
                default -> store.commit(order);
            }
            assertReservedMatchesLiveReservations(store);
        }
        assertEventsAddUpToTheStock(store);
    }

    private static String product(Random random) {
        return PRODUCTS.get(random.nextInt(PRODUCTS.size()));
    }

    /** Quarter units, so fractions are exercised; adjustments go both ways. */
    private static String quantity(Random random, boolean signed) {
        BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(16)).divide(BigDecimal.valueOf(4));
        return (signed && random.nextBoolean() ? qty.negate() : qty).toPlainString();
    }

    private static void assertReservedMatchesLiveReservations(LedgerHarness store) {
        for (String product : PRODUCTS) {
            BigDecimal held = store.orders.values().stream()
                    .filter(OrderState::holdsStock)
                    .flatMap(order -> order.stockLines().stream())
                    .filter(line -> line.productId().equals(product))
                    .map(StockLine::qty)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(store.stock(product).reserved()).isEqualByComparingTo(held);
        }
    }

    private static void assertEventsAddUpToTheStock(LedgerHarness store) {
        for (String product : PRODUCTS) {
            List<StockChanged> events = store.changes.stream()
                    .flatMap(c -> c.events().stream())
                    .filter(StockChanged.class::isInstance)
                    .map(StockChanged.class::cast)
                    .filter(e -> e.productId().equals(product))
                    .toList();
            BigDecimal onHand = events.stream().map(StockChanged::onHandDelta).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal reserved =
                    events.stream().map(StockChanged::reservedDelta).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(onHand).isEqualByComparingTo(store.stock(product).onHand());
            assertThat(reserved).isEqualByComparingTo(store.stock(product).reserved());
            assertThat(events)
                    .extracting(e -> e.stock().version())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size())
                            .boxed()
                            .toList());
        }
    }
}
