package pos.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import pos.api.web.ApiException;
import pos.schemas.Samples;
import pos.schemas.Topics;
import pos.schemas.reply.CommandReply;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.reply.Outcome;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderStatus;

/** Handing replies to waiting requests without a thread per request. */
class CommandRepliesTest {

    static final int MAX_IN_FLIGHT = 50;
    static final CommandProperties COMMANDS =
            new CommandProperties(Duration.ofSeconds(3), Duration.ofSeconds(5), MAX_IN_FLIGHT, Duration.ofSeconds(30));

    final CommandReplies replies = new CommandReplies(new KafkaProperties(), COMMANDS, new SimpleMeterRegistry());

    @AfterEach
    void stopThreads() {
        replies.stopDecisionThreads();
    }

    static OrderCommandReply reply(String commandId, OrderStatus status) {
        var order = Samples.orderSnapshot();
        var snapshot = new pos.schemas.value.OrderSnapshot(
                order.orderId(),
                1,
                status,
                order.storeId(),
                order.userId(),
                order.placedBy(),
                order.lines(),
                order.subtotal(),
                order.tax(),
                order.total(),
                order.shortages(),
                order.idempotencyKey(),
                order.createdAt(),
                order.updatedAt());
        return new OrderCommandReply(
                commandId, order.orderId(), Outcome.APPLIED, snapshot, null, List.of(), List.of(), order.createdAt());
    }

    void deliver(CommandReply reply) {
        replies.deliver(reply.commandId(), JsonSerdes.commandReply().serialize(Topics.COMMAND_REPLIES, reply));
    }

    static boolean decided(CommandReply reply) {
        return reply instanceof OrderCommandReply r && r.order().status() != OrderStatus.PENDING;
    }

    @Test
    void completesWithTheFirstDecidingReplyOnADecisionThread() throws Exception {
        var waiter = replies.expect("c1", CommandRepliesTest::decided);
        var decision = waiter.decision(Duration.ofSeconds(30));
        var thread = decision.thenApply(reply -> Thread.currentThread().getName());

        deliver(reply("c1", OrderStatus.PENDING));
        deliver(reply("other", OrderStatus.CREATED));
        assertThat(decision).isNotDone();

        deliver(reply("c1", OrderStatus.CREATED));
        // waiting on the dependent stage first: a thread blocked in get() may run dependents itself
        assertThat(thread.get(10, TimeUnit.SECONDS)).startsWith("api-decisions-");
        assertThat(decision.get(10, TimeUnit.SECONDS))
                .get()
                .extracting(r -> ((OrderCommandReply) r).order().status())
                .isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void aReplyThatArrivesBeforeTheClockStartsIsKept() throws Exception {
        var waiter = replies.expect("c2");
        deliver(reply("c2", OrderStatus.CONFIRMED));

        assertThat(waiter.decision(Duration.ofSeconds(30)).get(10, TimeUnit.SECONDS))
                .isPresent();
    }

    @Test
    void completesEmptyWhenNoDecisionComesInTime() throws Exception {
        var waiter = replies.expect("c3", CommandRepliesTest::decided);
        deliver(reply("c3", OrderStatus.PENDING));

        assertThat(waiter.decision(Duration.ofMillis(50)).get(10, TimeUnit.SECONDS))
                .isEqualTo(Optional.empty());
    }

    @Test
    void aFinishedOrClosedWaiterIsForgotten() throws Exception {
        var decided = replies.expect("c4");
        var decision = decided.decision(Duration.ofSeconds(30));
        deliver(reply("c4", OrderStatus.CREATED));
        decision.get(10, TimeUnit.SECONDS);
        var closed = replies.expect("c5");
        closed.close();
        var timedOut = replies.expect("c6");
        timedOut.decision(Duration.ZERO).get(10, TimeUnit.SECONDS);

        assertThat(replies.waitingCount()).isZero();
        assertThat(closed.decision(Duration.ofSeconds(30)).get(10, TimeUnit.SECONDS))
                .isEmpty();
    }

    /**
     * Processors behind and a rate above capacity: past the limit a command is refused (503, retry) instead of
     * joining a backlog every later request would wait behind, and one that stopped waiting (a 202) still counts
     * until the processors answer it.
     */
    @Test
    void pastTheLimitACommandIsRefusedUntilTheProcessorsAnswerOneEvenAfterItsRequestStoppedWaiting() throws Exception {
        for (int i = 0; i < MAX_IN_FLIGHT; i++) {
            replies.expect("waiting-" + i);
        }
        replies.expect("waiting-0").decision(Duration.ZERO).get(10, TimeUnit.SECONDS);
        assertThat(replies.waitingCount()).isEqualTo(MAX_IN_FLIGHT - 1);

        assertThatThrownBy(() -> replies.expect("one-too-many")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.retryAfterSeconds()).contains("1");
            assertThat(e.getMessage()).contains("retry");
        });
        assertThatThrownBy(replies::requireRoom).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> replies.publishUnawaited("respond-async", () -> {}))
                .isInstanceOf(ApiException.class);

        deliver(reply("waiting-0", OrderStatus.CREATED));
        replies.requireRoom();
        replies.expect("room-again");
        assertThat(replies.inFlightCount()).isEqualTo(MAX_IN_FLIGHT);
    }

    @Test
    void aRequestThatReservedItsPlaceIsAdmittedWhenTheLimitIsReachedAfterItsReservation() throws Exception {
        var reservation = replies.reserveRoom();

        var otherThread = Executors.newSingleThreadExecutor();
        try {
            var refusedElsewhere = otherThread.submit(() -> {
                for (int i = 0; i < MAX_IN_FLIGHT - 1; i++) {
                    replies.expect("other-" + i);
                }
                assertThat(replies.inFlightCount()).isEqualTo(MAX_IN_FLIGHT);
                assertThatThrownBy(replies::requireRoom).isInstanceOf(ApiException.class);
                assertThatThrownBy(replies::reserveRoom).isInstanceOf(ApiException.class);
                assertThatThrownBy(() -> replies.expect("no-reservation")).isInstanceOf(ApiException.class);
            });
            refusedElsewhere.get(10, TimeUnit.SECONDS);
        } finally {
            otherThread.shutdownNow();
        }

        replies.requireRoom();
        try (reservation) {
            replies.expect("reserved");
        }
        assertThat(replies.inFlightCount()).isEqualTo(MAX_IN_FLIGHT);
        assertThatThrownBy(() -> replies.expect("a second command of the same request"))
                .as("a reservation admits one command")
                .isInstanceOf(ApiException.class);

        deliver(reply("reserved", OrderStatus.CREATED));
        assertThat(replies.inFlightCount()).isEqualTo(MAX_IN_FLIGHT - 1);
    }

    @Test
    void aReservationNoCommandTookIsGivenBackWhenItsRequestEnds() {
        for (int i = 0; i < MAX_IN_FLIGHT; i++) {
            replies.reserveRoom().close();
        }
        assertThat(replies.inFlightCount()).isZero();

        var reservation = replies.reserveRoom();
        reservation.close();
        replies.expect("after-the-request");

        assertThat(replies.inFlightCount())
                .as("a closed reservation does not admit the thread's next command for free")
                .isEqualTo(1);
    }

    @Test
    void aCommandPublishedWithoutAWaiterCountsUntilItsReply() {
        var published = new AtomicInteger();
        replies.publishUnawaited("async-1", published::incrementAndGet);
        assertThat(published).hasValue(1);
        assertThat(replies.inFlightCount()).isEqualTo(1);

        deliver(reply("async-1", OrderStatus.CREATED));

        assertThat(replies.inFlightCount()).isZero();
    }

    @Test
    void aCommandThatCannotBePublishedIsNotWaitedFor() {
        var failure = new IllegalStateException("broker down");

        assertThatThrownBy(() -> replies.expect("c7").afterPublishing(() -> {
                    throw failure;
                }))
                .isSameAs(failure);
        var published = replies.expect("c8").afterPublishing(() -> {});

        assertThatThrownBy(() -> replies.publishUnawaited("c7b", () -> {
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(replies.waitingCount())
                .as("only the published command is waited for")
                .isEqualTo(1);
        assertThat(replies.inFlightCount())
                .as("only the published command counts in flight")
                .isEqualTo(1);
        published.close();
    }

    /** The stuck feed: after any error it opens a new consumer and resumes where it was. */
    @Test
    void theReplyFeedRestartsAfterAnErrorResumesWhereItWasAndReportsItToReadiness() throws Exception {
        var opened = new AtomicInteger();
        var partition = new TopicPartition(Topics.COMMAND_REPLIES, 0);
        byte[] decided = JsonSerdes.commandReply().serialize(Topics.COMMAND_REPLIES, reply("c9", OrderStatus.CREATED));
        var feed = new CommandReplies(new KafkaProperties(), COMMANDS, new SimpleMeterRegistry(), props -> {
            var consumer = new MockConsumer<String, byte[]>("latest");
            consumer.updatePartitions(
                    Topics.COMMAND_REPLIES, List.of(new PartitionInfo(Topics.COMMAND_REPLIES, 0, null, null, null)));
            boolean first = opened.incrementAndGet() == 1;
            // while the feed was down one reply was published: the end moved from 7 to 8
            consumer.updateEndOffsets(Map.of(partition, first ? 7L : 8L));
            if (first) {
                consumer.setPollException(new KafkaException("connection to the broker lost"));
            } else {
                // published while the feed was down: at the position the first consumer had reached
                consumer.schedulePollTask(
                        () -> consumer.addRecord(new ConsumerRecord<>(Topics.COMMAND_REPLIES, 0, 7L, "c9", decided)));
            }
            return consumer;
        });
        var indicator = new ReplyFeedHealthIndicator(feed);
        var waiter = feed.expect("c9");
        feed.start();
        try {
            assertThat(waiter.decision(Duration.ofSeconds(30)).get(30, TimeUnit.SECONDS))
                    .isPresent();
            assertThat(opened).hasValue(2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(feed.health().isReading()).isTrue();
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            });
            assertThat(feed.health().restarts()).isEqualTo(1);
            assertThat(feed.health().lastError()).contains("connection to the broker lost");
        } finally {
            feed.stop();
            feed.stopDecisionThreads();
        }
    }

    @Test
    void aFeedThatNeverStartedIsNotReady() {
        assertThat(new ReplyFeedHealthIndicator(replies).health().getStatus()).isEqualTo(Status.DOWN);
    }
}
