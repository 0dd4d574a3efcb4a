package pos.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import pos.api.catalog.CatalogProducts;
import pos.api.catalog.CatalogProducts.CatalogProduct;
import pos.api.idempotency.IdempotencyProperties;
import pos.api.idempotency.IdempotentRequests.Claim;
import pos.api.idempotency.JsonResponses;
import pos.api.identity.CurrentUser;
import pos.api.identity.Role;
import pos.api.inventory.StockViews;
import pos.api.money.Decimal;
import pos.api.web.ApiException;
import pos.schemas.command.PlaceOrder;
import pos.schemas.value.OrderLine;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;
import pos.schemas.value.Shortage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every branch of a placement, with the store ledger replaced by {@link FakeDecisions}: what is refused before
 * anything is published, what is written and answered for each decision (or none within the wait), and how a retry
 * after a 202 answers the order it already has. The pending placeholder is written only after the command is on
 * Kafka, so neither a failed publication nor a crash between the two leaves a pending order Kafka never saw.
 */
class OrderIntakeTest {

    static final String STORE = "65a000000000000000000001";
    static final String OTHER_STORE = "65a000000000000000000002";
    static final String PRODUCT = "65d000000000000000000001";
    static final String TILL_ID = "65c000000000000000000001";
    static final String OTHER_USER = "65c000000000000000000009";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Claim CLAIM = new Claim("65b000000000000000000001", "command-1", false);
    static final Claim RETRY = new Claim("65b000000000000000000001", "command-1", true);

    final OrderViews views = mock(OrderViews.class);
    final FakeDecisions decisions = new FakeDecisions();
    final CatalogProducts catalog = mock(CatalogProducts.class);
    final DecisionWrites writes =
            new DecisionWrites(views, mock(StockViews.class), Runnable::run, new SimpleMeterRegistry());
    final OrderIntake intake = new OrderIntake(
            catalog,
            views,
            writes,
            decisions,
            new JsonResponses(JsonMapper.builder().build()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry(),
            new IdempotencyProperties(
                    Duration.ofHours(72), Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofMinutes(10)));
    final CurrentUser till = new CurrentUser(TILL_ID, "till", Set.of(Role.USER), Set.of(STORE));
    final CurrentUser manager =
            new CurrentUser("65c000000000000000000002", "boss", Set.of(Role.MANAGER), Set.of(STORE));

    OrderIntakeTest() {
        when(catalog.findOrderable(any()))
                .thenReturn(
                        Map.of(PRODUCT, new CatalogProduct(PRODUCT, "SKU-1", "Burger", new BigDecimal("2.50"), false)));
    }

    /** The ledger's side: records what was published and decides as told (by default: no decision in time). */
    static final class FakeDecisions implements PlacementDecisions {

        final List<PlaceOrder> published = new ArrayList<>();
        RuntimeException publishFailure;
        Function<PlaceOrder, Optional<OrderSnapshot>> decide = command -> Optional.empty();

        @Override
        public CompletableFuture<Optional<OrderSnapshot>> publishAndAwait(PlaceOrder command) {
            publish(command);
            return CompletableFuture.completedFuture(decide.apply(command));
        }

        @Override
        public void publish(PlaceOrder command) {
            if (publishFailure != null) {
                throw publishFailure;
            }
            published.add(command);
        }

        @Override
        public void requireRoom() {}
    }

    @Test
    void aCreatedOrderIsWrittenThenAnswered200WithTheLedgersOrder() throws Exception {
        decisions.decide = command -> Optional.of(order(OrderStatus.CREATED, List.of()));

        var answer = intake.place(till, request("1", null), CLAIM, Optional.of("key-1"), false)
                .get();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"created\"").contains("\"price\":2.50");
        verify(views).recordDecisions(List.of(order(OrderStatus.CREATED, List.of())));
        verify(views, never()).insertAllPending(any());
    }

    @Test
    void thePublishedPlacementCarriesTheCatalogPricesTheKeyAndWhoPlacedIt() {
        intake.place(till, request("2", null), CLAIM, Optional.of("key-1"), false);

        assertThat(decisions.published).singleElement().satisfies(command -> {
            assertThat(command.commandId()).isEqualTo("command-1");
            assertThat(command.orderId()).isEqualTo(CLAIM.resourceId());
            assertThat(command.storeId()).isEqualTo(STORE);
            assertThat(command.userId()).isEqualTo(TILL_ID);
            assertThat(command.placedBy()).isEqualTo(TILL_ID);
            assertThat(command.idempotencyKey()).isEqualTo("key-1");
            assertThat(command.lines()).singleElement().satisfies(line -> {
                assertThat(line.unitPrice()).isEqualByComparingTo("2.50");
                assertThat(line.qty()).isEqualByComparingTo("2");
                assertThat(line.sku()).isEqualTo("SKU-1");
            });
        });
    }

    @Test
    void aRejectionIsWrittenThenAnswered400WithItsShortages() {
        var shortages = List.of(new Shortage(PRODUCT, BigDecimal.ONE, BigDecimal.ZERO));
        decisions.decide = command -> Optional.of(order(OrderStatus.REJECTED, shortages));

        var answer = intake.place(till, request("1", null), CLAIM, Optional.of("key-1"), false);

        assertThat(answer)
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableThat()
                .havingRootCause()
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Insufficient stock for product " + PRODUCT);
                });
        verify(views).recordDecisions(List.of(order(OrderStatus.REJECTED, shortages)));
    }

    @Test
    void noDecisionWithinTheWaitAnswers202WithThePendingOrderWrittenAfterPublishing() throws Exception {
        when(views.insertAllPending(any())).thenReturn(Set.of(CLAIM.resourceId()));

        var answer = intake.place(till, request("1", null), CLAIM, Optional.of("key-1"), false)
                .get();

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.location()).endsWith("/orders/" + CLAIM.resourceId());
        assertThat(answer.body()).contains("\"status\":\"pending\"");
        var pending = placeholdersWritten();
        assertThat(pending).singleElement().satisfies(placeholder -> {
            assertThat(placeholder.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(placeholder.subtotal()).isEqualByComparingTo("2.50");
        });
        verify(views, never()).recordDecisions(any());
        verify(views, never()).find(any());
    }

    @Test
    void aDecisionStoredBeforeThePlaceholderIsWhatThe202Shows() throws Exception {
        when(views.insertAllPending(any())).thenReturn(Set.of());
        when(views.find(CLAIM.resourceId())).thenReturn(Optional.of(order(OrderStatus.CREATED, List.of())));

        var answer = intake.place(till, request("1", null), CLAIM, Optional.of("key-1"), false)
                .get();

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).contains("\"status\":\"created\"");
    }

    @SuppressWarnings("unchecked")
    private List<OrderSnapshot> placeholdersWritten() {
        var written = org.mockito.ArgumentCaptor.forClass(List.class);
        verify(views).insertAllPending(written.capture());
        return (List<OrderSnapshot>) written.getValue();
    }

    @Test
    void respondAsyncPublishesAndAnswers202WithoutWaiting() throws Exception {
        decisions.decide = command -> {
            throw new AssertionError("respond-async must not wait for a decision");
        };

        var answer = intake.place(till, request("1", null), CLAIM, Optional.of("key-1"), true)
                .get();

        assertThat(answer.status()).isEqualTo(202);
        assertThat(decisions.published).hasSize(1);
        assertThat(placeholdersWritten()).hasSize(1);
    }

    @Test
    void writesNoPlaceholderWhenTheCommandCannotBePublished() {
        decisions.publishFailure = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "broker down");

        assertThatThrownBy(() -> intake.place(till, request("1", null), CLAIM, Optional.of("key-1"), true))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> intake.place(till, request("1", null), CLAIM, Optional.of("key-1"), false))
                .isInstanceOf(ApiException.class);

        verify(views, never()).insertAllPending(any());
    }

    @Test
    void anUnknownOrArchivedProductIsRefusedBeforeAnythingIsPublished() {
        when(catalog.findOrderable(any())).thenReturn(Map.of());

        assertThatThrownBy(() -> intake.place(till, request("1", null), CLAIM, Optional.empty(), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Unknown product " + PRODUCT);
                });
        assertThat(decisions.published).isEmpty();
    }

    @Test
    void aProductIdThatIsNotAnObjectIdIsAFieldErrorAndTheCatalogIsNotAsked() {
        var request = new PlaceOrderRequest(
                STORE,
                null,
                List.of(new PlaceOrderRequest.Line("burger", Decimal.of(BigDecimal.ONE), null)),
                null,
                null);

        assertThatThrownBy(() -> intake.place(till, request, CLAIM, Optional.empty(), false))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        verify(catalog, never()).findOrderable(any());
    }

    @Test
    void aPriceTheTillShowsThatTheCatalogNoLongerHasIs409WithTheCurrentPrices() {
        assertThatThrownBy(() -> intake.place(till, request("1", "2.00"), CLAIM, Optional.empty(), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.properties())
                            .containsEntry("prices", List.of(Map.of("product_id", PRODUCT, "price", "2.50")));
                });
        assertThat(decisions.published).isEmpty();
    }

    @Test
    void theCurrentPriceSentAlongIsAccepted() {
        intake.place(till, request("1", "2.5"), CLAIM, Optional.empty(), false);

        assertThat(decisions.published).hasSize(1);
    }

    @Test
    void aStoreOutsideTheCallersStoresIsNotFoundAndNothingIsPublished() {
        var elsewhere = new PlaceOrderRequest(
                OTHER_STORE,
                null,
                List.of(new PlaceOrderRequest.Line(PRODUCT, Decimal.of(BigDecimal.ONE), null)),
                null,
                null);

        assertThatThrownBy(() -> intake.place(till, elsewhere, CLAIM, Optional.empty(), false))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThat(decisions.published).isEmpty();
    }

    @Test
    void onlyManagersAndAdminsPlaceOrdersForAnotherUser() {
        var forSomeoneElse = new PlaceOrderRequest(
                STORE,
                OTHER_USER,
                List.of(new PlaceOrderRequest.Line(PRODUCT, Decimal.of(BigDecimal.ONE), null)),
                null,
                null);

        assertThatThrownBy(() -> intake.place(till, forSomeoneElse, CLAIM, Optional.empty(), false))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        intake.place(manager, forSomeoneElse, CLAIM, Optional.empty(), false);

        assertThat(decisions.published).singleElement().satisfies(command -> {
            assertThat(command.userId()).isEqualTo(OTHER_USER);
            assertThat(command.placedBy()).isEqualTo(manager.userId());
        });
    }

    @Test
    void aSaleTimeFromTheFutureBeyondClockSkewIsRefused() {
        var fromTheFuture = new PlaceOrderRequest(
                STORE,
                null,
                List.of(new PlaceOrderRequest.Line(PRODUCT, Decimal.of(BigDecimal.ONE), null)),
                null,
                NOW.plus(Duration.ofMinutes(10)).toString());

        assertThatThrownBy(() -> intake.place(till, fromTheFuture, CLAIM, Optional.empty(), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Invalid occurred_at");
                });
        assertThat(decisions.published).isEmpty();
    }

    @Test
    void aRetryAfterA202AnswersTheDecidedOrderWithoutPricingItAgain() throws Exception {
        when(views.find(CLAIM.resourceId())).thenReturn(Optional.of(order(OrderStatus.CREATED, List.of())));

        var answer = intake.place(till, request("1", null), RETRY, Optional.of("key-1"), false)
                .get();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"created\"").contains("\"price\":2.50");
        verify(catalog, never()).findOrderable(any());
        verify(views, never()).recordDecisions(any());
        assertThat(decisions.published).isEmpty();
    }

    @Test
    void aRetryAfterA202AnswersARejectedOrderWithItsShortages() {
        var shortages = List.of(new Shortage(PRODUCT, BigDecimal.ONE, BigDecimal.ZERO));
        when(views.find(CLAIM.resourceId())).thenReturn(Optional.of(order(OrderStatus.REJECTED, shortages)));

        assertThatThrownBy(() -> intake.place(till, request("1", null), RETRY, Optional.of("key-1"), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Insufficient stock for product " + PRODUCT);
                });
        verify(catalog, never()).findOrderable(any());
    }

    @Test
    void aRetryOfAStillPendingOrderRepublishesItAsFirstPricedWhateverTheCatalogSaysNow() throws Exception {
        when(catalog.findOrderable(any()))
                .thenReturn(
                        Map.of(PRODUCT, new CatalogProduct(PRODUCT, "SKU-1", "Burger", new BigDecimal("9.99"), false)));
        when(views.find(CLAIM.resourceId())).thenReturn(Optional.of(order(OrderStatus.PENDING, List.of())));

        var answer = intake.place(till, request("1", null), RETRY, Optional.of("key-1"), true)
                .get();

        assertThat(answer.status()).isEqualTo(202);
        assertThat(decisions.published).singleElement().satisfies(command -> {
            assertThat(command.commandId()).isEqualTo("command-1");
            assertThat(command.lines())
                    .singleElement()
                    .satisfies(line -> assertThat(line.unitPrice()).isEqualByComparingTo("2.50"));
        });
    }

    @Test
    void aRetryWhoseFirstAttemptLeftNoOrderIsPlacedAfresh() {
        when(views.find(CLAIM.resourceId())).thenReturn(Optional.empty());

        intake.place(till, request("1", null), RETRY, Optional.of("key-1"), false);

        verify(catalog).findOrderable(any());
        assertThat(decisions.published).hasSize(1);
    }

    private static PlaceOrderRequest request(String qty, String price) {
        return new PlaceOrderRequest(
                STORE,
                null,
                List.of(new PlaceOrderRequest.Line(
                        PRODUCT,
                        Decimal.of(new BigDecimal(qty)),
                        price == null ? null : Decimal.of(new BigDecimal(price)))),
                null,
                null);
    }

    private static OrderSnapshot order(OrderStatus status, List<Shortage> shortages) {
        var lines = List.of(new OrderLine(PRODUCT, "SKU-1", "Burger", BigDecimal.ONE, new BigDecimal("2.50")));
        var at = Instant.parse("2026-12-01T09:59:00Z");
        return new OrderSnapshot(
                CLAIM.resourceId(),
                status == OrderStatus.PENDING ? 0 : 1,
                status,
                STORE,
                TILL_ID,
                TILL_ID,
                lines,
                new BigDecimal("2.50"),
                null,
                new BigDecimal("2.50"),
                shortages,
                "key-1",
                at,
                at);
    }
}
