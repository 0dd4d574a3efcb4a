package pos.orderprocessor.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pos.schemas.command.CommitStock;
import pos.schemas.command.ReleaseStock;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.reply.Outcome;
import pos.schemas.value.OrderStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static pos.orderprocessor.domain.Orders.change;
import static pos.orderprocessor.domain.Orders.minute;
import static pos.schemas.Samples.ORDER;
import static pos.schemas.Samples.STORE;
import static pos.schemas.value.OrderStatus.CANCELLED;
import static pos.schemas.value.OrderStatus.COMPLETED;
import static pos.schemas.value.OrderStatus.CONFIRMED;
import static pos.schemas.value.OrderStatus.CREATED;
import static pos.schemas.value.OrderStatus.PENDING;
import static pos.schemas.value.OrderStatus.PREPARING;
import static pos.schemas.value.OrderStatus.READY;
import static pos.schemas.value.OrderStatus.REJECTED;

class StatusChangeTest {

    /** The lifecycle as the product defines it, written out independently of {@link OrderLifecycle}. */
    private static final Map<OrderStatus, List<OrderStatus>> ALLOWED_NEXT = Map.of(
            CREATED, List.of(CONFIRMED, CANCELLED),
            CONFIRMED, List.of(PREPARING, CANCELLED),
            PREPARING, List.of(READY, CANCELLED),
            READY, List.of(COMPLETED, CANCELLED));

    private final OrderStateMachine machine = new OrderStateMachine();

    static Stream<Arguments> everyPairOfStatuses() {
        return Arrays.stream(OrderStatus.values())
                .flatMap(from -> Arrays.stream(OrderStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void decidesEveryStatusChange(OrderStatus from, OrderStatus to) {
        var current = Orders.in(from);
        var allowedNext = ALLOWED_NEXT.getOrDefault(from, List.of());

        var transition = machine.apply(current, change("cmd-x", to), minute(9));

        if (from == PENDING) {
            assertRefused(transition, current, "Order is still pending", List.of());
        }
        else if (from == to && to != REJECTED) {
            assertUnchanged(transition, current);
        }
        else if (allowedNext.contains(to)) {
            assertApplied(transition, current, to);
        }
        else {
            assertRefused(transition, current,
                    "Cannot change status from " + from.wireName() + " to " + to.wireName(), allowedNext);
        }
    }

    @Test
    void cancellingReleasesTheReservedStock() {
        var transition = machine.apply(Orders.in(READY), change("cmd-cancel", CANCELLED), minute(9));

        assertThat(transition.inventoryCommands())
                .containsExactly(new ReleaseStock("release:" + ORDER, STORE, ORDER, minute(9)));
    }

    @Test
    void completingCommitsTheReservedStock() {
        var transition = machine.apply(Orders.in(READY), change("cmd-complete", COMPLETED), minute(9));

        assertThat(transition.inventoryCommands())
                .containsExactly(new CommitStock("commit:" + ORDER, STORE, ORDER, minute(9)));
    }

    @Test
    void refusesAChangeOfAnUnknownOrder() {
        var transition = machine.apply(null, change("cmd-x", CONFIRMED), minute(9));

        assertThat(transition.next()).isNull();
        assertThat(transition.stateToStore()).isEmpty();
        assertThat(transition.events()).isEmpty();
        assertThat(transition.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.commandId()).isEqualTo("cmd-x");
            assertThat(reply.orderId()).isEqualTo(ORDER);
            assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(reply.detail()).isEqualTo("Order not found");
            assertThat(reply.order()).isNull();
            assertThat(reply.allowedNext()).isEmpty();
        });
    }

    @Test
    void repeatedCommandGetsItsFirstReplyAndChangesNothing() {
        var first = machine.apply(Orders.in(CREATED), change("cmd-a", CONFIRMED), minute(5));

        var repeat = machine.apply(first.next(), change("cmd-a", CONFIRMED), minute(9));

        assertThat(repeat.next()).isSameAs(first.next());
        assertThat(repeat.stateToStore()).isEmpty();
        assertThat(repeat.events()).isEmpty();
        assertThat(repeat.inventoryCommands()).isEmpty();
        assertThat(repeat.replies()).containsExactlyElementsOf(first.replies());
    }

    @Test
    void repeatedCommandKeepsItsReplyAfterTheOrderMovedOn() {
        var confirmed = machine.apply(Orders.in(CREATED), change("cmd-a", CONFIRMED), minute(5));
        var preparing = machine.apply(confirmed.next(), change("cmd-b", PREPARING), minute(6));

        var repeat = machine.apply(preparing.next(), change("cmd-a", CONFIRMED), minute(9));

        assertThat(repeat.replies()).containsExactlyElementsOf(confirmed.replies());
        assertThat(repeat.events()).isEmpty();
        assertThat(repeat.next().status()).isEqualTo(PREPARING);
    }

    @Test
    void repeatedRefusedCommandStaysRefusedWhenItWouldNowBeAllowed() {
        var refused = machine.apply(Orders.in(CREATED), change("cmd-a", PREPARING), minute(5));
        var confirmed = machine.apply(refused.next(), change("cmd-b", CONFIRMED), minute(6));

        var repeat = machine.apply(confirmed.next(), change("cmd-a", PREPARING), minute(9));

        assertThat(repeat.replies()).containsExactlyElementsOf(refused.replies());
        assertThat(repeat.replies().get(0).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(repeat.next().status()).isEqualTo(CONFIRMED);
    }

    @Test
    void remembersOnlyTheLatestCommands() {
        var state = Orders.in(CREATED);
        for (int i = 0; i <= OrderState.HANDLED_COMMANDS_KEPT; i++) {
            state = machine.apply(state, change("cmd-" + i, CREATED), minute(5)).next();
        }

        var newest = machine.apply(state, change("cmd-" + OrderState.HANDLED_COMMANDS_KEPT, CREATED), minute(9));
        var forgotten = machine.apply(state, change("cmd-0", CREATED), minute(9));

        assertThat(state.handledCommands()).hasSize(OrderState.HANDLED_COMMANDS_KEPT);
        assertThat(newest.stateToStore()).as("still remembered").isEmpty();
        assertThat(forgotten.stateToStore()).as("decided again").isPresent();
        assertThat(forgotten.replies().get(0).occurredAt()).isEqualTo(minute(9));
    }

    @Test
    void eachChangeAdvancesTheSequenceByOne() {
        var events = new ArrayList<OrderStatusChanged>();
        var transition = machine.apply(null, Orders.place(), minute(0));
        events.addAll(transition.events());
        transition = machine.apply(transition.next(), Orders.reserved(), minute(1));
        events.addAll(transition.events());
        var steps = List.of(CONFIRMED, CONFIRMED, PREPARING, COMPLETED, READY, COMPLETED);
        for (int i = 0; i < steps.size(); i++) {
            transition = machine.apply(transition.next(), change("cmd-" + i, steps.get(i)), minute(2 + i));
            events.addAll(transition.events());
        }

        assertThat(events).extracting(e -> e.sequence()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events).extracting(e -> e.eventId())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 6).mapToObj(n -> ORDER + "/" + n).toList());
        assertThat(events).extracting(e -> e.status())
                .containsExactly(PENDING, CREATED, CONFIRMED, PREPARING, READY, COMPLETED);
        assertThat(transition.next().order().sequence()).isEqualTo(6);
    }

    private static void assertApplied(Transition transition, OrderState current, OrderStatus to) {
        var order = transition.next().order();
        assertThat(order.status()).isEqualTo(to);
        assertThat(order.sequence()).isEqualTo(current.order().sequence() + 1);
        assertThat(order.updatedAt()).isEqualTo(minute(9));
        assertThat(order.createdAt()).isEqualTo(current.order().createdAt());
        assertThat(transition.stateToStore()).contains(transition.next());
        assertThat(transition.events()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(ORDER + "/" + order.sequence());
            assertThat(event.previousStatus()).isEqualTo(current.status());
            assertThat(event.status()).isEqualTo(to);
            assertThat(event.order()).isEqualTo(order);
            assertThat(event.causedBy()).isEqualTo("cmd-x");
        });
        assertThat(transition.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(reply.commandId()).isEqualTo("cmd-x");
            assertThat(reply.order()).isEqualTo(order);
        });
        var expectedStockCommands = to == CANCELLED || to == COMPLETED ? 1 : 0;
        assertThat(transition.inventoryCommands()).hasSize(expectedStockCommands);
        assertThat(transition.next().replyTo("cmd-x")).contains(transition.replies().get(0));
    }

    private static void assertUnchanged(Transition transition, OrderState current) {
        assertThat(transition.next().order()).isEqualTo(current.order());
        assertThat(transition.events()).isEmpty();
        assertThat(transition.inventoryCommands()).isEmpty();
        assertThat(transition.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.outcome()).isEqualTo(Outcome.UNCHANGED);
            assertThat(reply.order()).isEqualTo(current.order());
            assertThat(reply.detail()).isNull();
        });
        assertThat(transition.next().replyTo("cmd-x")).contains(transition.replies().get(0));
    }

    private static void assertRefused(Transition transition, OrderState current, String detail,
            List<OrderStatus> allowedNext) {
        assertThat(transition.next().order()).isEqualTo(current.order());
        assertThat(transition.events()).isEmpty();
        assertThat(transition.inventoryCommands()).isEmpty();
        assertThat(transition.replies()).singleElement().satisfies(reply -> {
            assertThat(reply.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(reply.commandId()).isEqualTo("cmd-x");
            assertThat(reply.detail()).isEqualTo(detail);
            assertThat(reply.allowedNext()).isEqualTo(allowedNext);
            assertThat(reply.order()).isEqualTo(current.order());
        });
        assertThat(transition.next().replyTo("cmd-x")).contains(transition.replies().get(0));
    }
}
