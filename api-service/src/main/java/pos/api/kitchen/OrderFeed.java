package pos.api.kitchen;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import pos.api.kitchen.domain.FeedCursor;
import pos.schemas.Topics;
import pos.schemas.event.OrderEvent;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;

/**
 * The order events topic as this instance's open order streams see it: one consumer per instance reads every
 * partition from the end (assigned, no consumer group, nothing committed) and hands each event to the streams of
 * its store. A stream subscribes at a {@link FeedCursor}, the position in every partition from which it gets
 * every event; what came before it reads from the topic itself ({@link #history}). Each subscription's queue is
 * bounded; one that overflows is ended, and its client catches up from the topic when it reconnects.
 */
@Component
public class OrderFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderFeed.class);
    static final Duration FIRST_ASSIGNMENT_WAIT = Duration.ofSeconds(10);

    private final KafkaProperties kafkaProperties;
    private final JsonSerde<OrderEvent> serde = JsonSerdes.orderEvent();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: where the tail has read to, and who gets what it reads. */
    private FeedCursor position;

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Consumer<String, byte[]> consumer;

    private final MeterRegistry meters;

    public OrderFeed(KafkaProperties kafkaProperties, MeterRegistry meters) {
        this.kafkaProperties = kafkaProperties;
        this.meters = meters;
    }

    /** A stream's share of the feed: the events of its store from {@link #start()} on, in topic order. */
    final class Subscription implements AutoCloseable {

        private final String storeId;
        private final FeedCursor start;
        private final BlockingQueue<FeedEvent> queue;
        private volatile String ended;

        private Subscription(String storeId, FeedCursor start, int capacity) {
            this.storeId = storeId;
            this.start = start;
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        FeedCursor start() {
            return start;
        }

        /**
         * Why the stream must end, once it must: its client fell so far behind that events were dropped, or the feed
         * stopped (the instance shuts down, or lost the broker). Its client resumes from its last event id.
         */
        Optional<String> ended() {
            return Optional.ofNullable(ended);
        }

        FeedEvent poll(Duration wait) throws InterruptedException {
            return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void offer(FeedEvent event) {
            if (ended == null && !queue.offer(event)) {
                ended = "The client fell too far behind; reconnect with Last-Event-ID to catch up";
                queue.clear();
            }
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }

    /** Empty while the feed is not reading (starting, or the broker unreachable). */
    Optional<Subscription> subscribe(String storeId, int capacity) {
        synchronized (lock) {
            if (position == null) {
                return Optional.empty();
            }
            var subscription = new Subscription(storeId, position, capacity);
            subscriptions.add(subscription);
            return Optional.of(subscription);
        }
    }

    /** The topic read from {@code from}, for catching up. */
    FeedHistory history() {
        return new FeedHistory(this::newConsumer, serde);
    }

    Consumer<String, byte[]> newConsumer(String clientId) {
        Map<String, Object> props = kafkaProperties.buildConsumerProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static List<TopicPartition> partitions(Consumer<?, ?> consumer) {
        var partitions = consumer.partitionsFor(Topics.ORDER_EVENTS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(Topics.ORDER_EVENTS + " has no partitions (yet)");
        }
        return partitions;
    }

    /** The order event in a record, or empty for one that is not (it is skipped; the projector dead-letters it). */
    Optional<OrderStatusChanged> decode(ConsumerRecord<String, byte[]> record) {
        return decode(serde, record);
    }

    static Optional<OrderStatusChanged> decode(JsonSerde<OrderEvent> serde, ConsumerRecord<String, byte[]> record) {
        try {
            return serde.deserialize(record.topic(), record.value()) instanceof OrderStatusChanged changed
                    ? Optional.of(changed)
                    : Optional.empty();
        } catch (RuntimeException e) {
            log.warn(
                    "Unreadable record {}-{}@{} skipped by the order streams",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return Optional.empty();
        }
    }

    @Override
    public void start() {
        running = true;
        var ready = new CountDownLatch(1);
        thread = new Thread(() -> tail(ready), "api-order-feed");
        thread.setDaemon(true);
        thread.start();
        try {
            ready.await(FIRST_ASSIGNMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tail(CountDownLatch ready) {
        while (running) {
            try {
                tailOnce(ready);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                log.error("Order feed failed; its streams end (clients catch up on reconnect), restarting", e);
                endAll("The order feed lost the broker; reconnect with Last-Event-ID");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void tailOnce(CountDownLatch ready) {
        try (var opened = newConsumer("api-order-feed");
                // its lag is kafka_consumer_fetch_manager_records_lag{spring_id="api-order-feed"}
                var metrics = new KafkaClientMetrics(opened, List.of(Tag.of("spring.id", "api-order-feed")))) {
            metrics.bindTo(meters);
            consumer = opened;
            var partitions = partitions(opened);
            opened.assign(partitions);
            opened.seekToEnd(partitions);
            var start = new HashMap<Integer, Long>();
            partitions.forEach(p -> start.put(p.partition(), opened.position(p)));
            synchronized (lock) {
                position = FeedCursor.of(start);
            }
            ready.countDown();
            log.info("Order streams follow {} partitions of {}", partitions.size(), Topics.ORDER_EVENTS);
            while (running) {
                var records = opened.poll(Duration.ofMillis(500));
                for (var record : records) {
                    synchronized (lock) {
                        // with no stream open (most of the time on most instances) nothing is decoded: the feed
                        // only keeps its position. Checked under the lock a subscription starts under, so one that
                        // starts before this record also gets it.
                        var change = subscriptions.isEmpty() ? Optional.<OrderStatusChanged>empty() : decode(record);
                        position = position.after(record.partition(), record.offset());
                        if (change.isPresent()) {
                            var event = new FeedEvent(change.get(), record.partition(), record.offset(), position);
                            for (var subscription : subscriptions) {
                                if (subscription.storeId.equals(event.change().storeId())) {
                                    subscription.offer(event);
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            consumer = null;
            synchronized (lock) {
                position = null;
            }
        }
    }

    /** Ends every subscription: their streams close and their clients resume from their last event id. */
    private void endAll(String reason) {
        subscriptions.forEach(s -> s.ended = reason);
        subscriptions.clear();
    }

    /** For tests: the open subscriptions matching a condition. */
    long subscriptions(Predicate<String> store) {
        return subscriptions.stream().filter(s -> store.test(s.storeId)).count();
    }

    @Override
    public void stop() {
        running = false;
        var open = consumer;
        if (open != null) {
            open.wakeup();
        }
        // before the web server's graceful shutdown (a higher phase stops first), which would wait for open streams
        endAll("The server is shutting down; reconnect with Last-Event-ID");
        var tailing = thread;
        if (tailing != null) {
            try {
                tailing.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
