package pos.api.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pos.schemas.value.OrderStatus;

class OrderFlowTest {

    @Test
    void aBumpMovesAnOpenOrderOneStepTowardsCompletion() {
        assertThat(OrderFlow.next(OrderStatus.CREATED)).contains(OrderStatus.CONFIRMED);
        assertThat(OrderFlow.next(OrderStatus.CONFIRMED)).contains(OrderStatus.PREPARING);
        assertThat(OrderFlow.next(OrderStatus.PREPARING)).contains(OrderStatus.READY);
        assertThat(OrderFlow.next(OrderStatus.READY)).contains(OrderStatus.COMPLETED);
        assertThat(OrderFlow.isBump(OrderStatus.CREATED, OrderStatus.PREPARING)).isFalse();
        assertThat(OrderFlow.isBump(OrderStatus.READY, OrderStatus.CANCELLED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"PENDING", "REJECTED", "COMPLETED", "CANCELLED"})
    void closedOrUndecidedOrdersHaveNoBumpAndAreNotOpen(OrderStatus status) {
        assertThat(OrderFlow.next(status)).isEmpty();
        assertThat(OrderFlow.OPEN).doesNotContain(status);
    }
}
