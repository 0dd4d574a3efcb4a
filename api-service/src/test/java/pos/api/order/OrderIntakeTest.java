package pos.api.order;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import pos.api.catalog.CatalogProducts;
import pos.api.catalog.CatalogProducts.CatalogProduct;
import pos.api.identity.CurrentUser;
import pos.api.identity.Role;
import pos.api.idempotency.IdempotentRequests.Claim;
import pos.api.idempotency.IdempotencyProperties;
import pos.api.kafka.CommandProperties;
import pos.api.kafka.CommandPublisher;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import pos.api.kafka.CommandReplies;
import pos.api.money.Decimal;
import pos.api.web.ApiException;
import pos.api.idempotency.JsonResponses;
import org.mockito.ArgumentCaptor;
import pos.schemas.command.OrderCommand;
import pos.schemas.command.PlaceOrder;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When the intake writes the pending placeholder: only after the command is on Kafka, so neither a failed
 * publication nor a crash between the two leaves a pending order Kafka never saw (issue 18); and
 * how a retry after a 202 answers the order it already has.
 */
class OrderIntakeTest {

    static final String STORE = "65a000000000000000000001";
    static final String PRODUCT = "65d000000000000000000001";
    static final Claim CLAIM = new Claim("65b000000000000000000001", "command-1", false);
    static final Claim RETRY = new Claim("65b000000000000000000001", "command-1", true);

    final OrderViews views = mock(OrderViews.class);
    final CommandPublisher publisher = mock(CommandPublisher.class);
    final CommandReplies replies = new CommandReplies(new KafkaProperties(), new SimpleMeterRegistry());
    final CatalogProducts catalog = mock(CatalogProducts.class);
    final OrderIntake intake = new OrderIntake(catalog, views, publisher, replies,
            new CommandProperties(Duration.ofSeconds(10), Duration.ofSeconds(5)),
            new JsonResponses(JsonMapper.builder().build()),
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry(),
            new IdempotencyProperties(Duration.ofHours(72), Duration.ofSeconds(15), Duration.ofSeconds(10),
                    Duration.ofMinutes(10)));
    final CurrentUser till = new CurrentUser("65c000000000000000000001", "till", Set.of(Role.USER), Set.of(STORE));
    final PlaceOrderRequest request = new PlaceOrderRequest(STORE, null,
            List.of(new PlaceOrderRequest.Line(PRODUCT, Decimal.of(BigDecimal.ONE), null)), null, null);

    OrderIntakeTest() {
        when(catalog.findOrderable(any())).thenReturn(Map.of(PRODUCT,
                new CatalogProduct(PRODUCT, "SKU-1", "Burger", new BigDecimal("2.50"), false)));
        doThrow(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "broker down")).when(publisher)
                .publish(any(OrderCommand.class));
    }

    @Test
    void writesNoPlaceholderWhenTheCommandCannotBePublished() {
        assertThatThrownBy(() -> intake.place(till, request, CLAIM, Optional.of("key-1"), false))
                .isInstanceOf(ApiException.class);

        verify(views, never()).insertPending(any());
    }

    @Test
    void aRetryAfterA202AnswersTheDecidedOrderWithoutPricingItAgain() throws Exception {
        when(views.find(CLAIM.resourceId())).thenReturn(Optional.of(order(OrderStatus.CREATED, List.of())));

        var answer = intake.place(till, request, RETRY, Optional.of("key-1"), false).get();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"created\"").contains("\"price\":2.50");
        verify(catalog, never()).findOrderable(any());
        verify(publisher, never()).publish(any(OrderCommand.class));
    }

    @Test
    void aRetryAfterA202AnswersARejectedOrderWithItsShortages() {
        var shortages = List.of(new Shortage(PRODUCT, BigDecimal.ONE, BigDecimal.ZERO));
        when(views.find(CLAIM.resourceId())).thenReturn(Optional.of(order(OrderStatus.REJECTED, shortages)));

        assertThatThrownBy(() -> intake.place(till, request, RETRY, Optional.of("key-1"), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Insufficient stock for product " + PRODUCT);
                });
        verify(catalog, never()).findOrderable(any());
    }

    @Test
    void aRetryOfAStillPendingOrderRepublishesItAsFirstPricedWhateverTheCatalogSaysNow() throws Exception {
        reset(publisher);
        when(catalog.findOrderable(any())).thenReturn(Map.of(PRODUCT,
                new CatalogProduct(PRODUCT, "SKU-1", "Burger", new BigDecimal("9.99"), false)));
        when(views.find(CLAIM.resourceId())).thenReturn(Optional.of(order(OrderStatus.PENDING, List.of())));

        var answer = intake.place(till, request, RETRY, Optional.of("key-1"), true).get();

        assertThat(answer.status()).isEqualTo(202);
        var published = ArgumentCaptor.forClass(OrderCommand.class);
        verify(publisher).publish(published.capture());
        var command = (PlaceOrder) published.getValue();
        assertThat(command.commandId()).isEqualTo("command-1");
        assertThat(command.lines()).singleElement()
                .satisfies(line -> assertThat(line.unitPrice()).isEqualByComparingTo("2.50"));
    }

    private static OrderSnapshot order(OrderStatus status, List<Shortage> shortages) {
        var lines = List.of(new OrderLine(PRODUCT, "SKU-1", "Burger", BigDecimal.ONE, new BigDecimal("2.50")));
        var at = Instant.parse("2026-12-01T09:59:00Z");
        return new OrderSnapshot(CLAIM.resourceId(), status == OrderStatus.PENDING ? 0 : 1, status, STORE,
                "65c000000000000000000001", "65c000000000000000000001", lines, new BigDecimal("2.50"), null,
                new BigDecimal("2.50"), shortages, "key-1", at, at);
    }

    @Test
    void writesThePlaceholderOnlyAfterTheCommandIsPublished() {
        doNothing().when(publisher).publish(any(OrderCommand.class));
        var order = inOrder(publisher, views);

        intake.place(till, request, CLAIM, Optional.of("key-1"), true);

        order.verify(publisher).publish(any(OrderCommand.class));
        order.verify(views).insertPending(any());
    }
}
