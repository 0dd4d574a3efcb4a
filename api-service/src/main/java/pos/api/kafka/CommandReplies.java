package pos.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import pos.schemas.Topics;
import pos.schemas.reply.CommandReply;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the processors' decisions to the requests waiting for them. Every API instance reads every partition
 * of {@link Topics#COMMAND_REPLIES} from the end (no consumer group, nothing committed), so a reply reaches
 * whichever instance is waiting. A waiter registers before its command is published, so no reply can be missed.
 */
@Component
public class CommandReplies implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandReplies.class);
    /** Continue decided requests (a MongoDB write and the JSON answer each); waiting itself takes no thread. */
    static final int DECISION_THREADS = 8;

    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final KafkaProperties kafkaProperties;
    private final MeterRegistry meters;
    private volatile KafkaClientMetrics consumerMetrics;
    private final JsonSerde<CommandReply> serde = JsonSerdes.commandReply();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private final ExecutorService decisionThreads = Executors.newFixedThreadPool(DECISION_THREADS,
            new CustomizableThreadFactory("api-decisions-"));
    private volatile boolean running;

    public CommandReplies(KafkaProperties kafkaProperties, MeterRegistry meters) {
        this.kafkaProperties = kafkaProperties;
        this.meters = meters;
    }

    /**
     * Register before publishing the command. The waiter's {@link Waiter#decision} completes with the first reply
     * that {@code decides} accepts (a command may get several replies: a duplicate answered while the first is
     * still pending, then the decision) or empty at its timeout. No thread waits meanwhile; what the caller chains
     * on the decision runs on the API's decision threads.
     */
    public Waiter expect(String commandId, Predicate<CommandReply> decides) {
        var waiter = new Waiter(commandId, decides);
        waiting.put(commandId, waiter);
        return waiter;
    }

    /** Waits for the first reply to the command, whatever it says. */
    public Waiter expect(String commandId) {
        return expect(commandId, reply -> true);
    }

    public final class Waiter implements AutoCloseable {

        private final String commandId;
        private final Predicate<CommandReply> decides;
        private final CompletableFuture<Optional<CommandReply>> decided = new CompletableFuture<>();

        private Waiter(String commandId, Predicate<CommandReply> decides) {
            this.commandId = commandId;
            this.decides = decides;
            decided.whenComplete((reply, error) -> close());
        }

        /**
         * Starts the clock: completes with the deciding reply, or empty when none came within the timeout, on one
         * of the API's decision threads (never the reply feed's, which must keep reading).
         */
        public CompletableFuture<Optional<CommandReply>> decision(Duration timeout) {
            return decided.completeOnTimeout(Optional.empty(), Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS)
                    .thenApplyAsync(Function.identity(), decisionThreads);
        }

        /**
         * Runs {@code publish}; if it throws, stops waiting and rethrows. Returns this waiter, registered before
         * the command was sent so its reply cannot be missed.
         */
        public Waiter afterPublishing(Runnable publish) {
            try {
                publish.run();
                return this;
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private void offer(CommandReply reply) {
            if (decides.test(reply)) {
                decided.complete(Optional.of(reply));
            }
        }

        /** Stops waiting (also done when the decision completes). */
        @Override
        public void close() {
            waiting.remove(commandId, this);
            decided.complete(Optional.empty());
        }
    }

    @Override
    public void start() {
        Map<String, Object> props = kafkaProperties.buildConsumerProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-command-replies");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        // the same tag keys as the listener containers' consumers, or Prometheus would drop one set
        consumerMetrics = new KafkaClientMetrics(consumer, List.of(Tag.of("spring.id", "api-command-replies")));
        consumerMetrics.bindTo(meters);
        var partitions = consumer.partitionsFor(Topics.COMMAND_REPLIES, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the end offsets now: a reply published after start() returns is then never skipped
        partitions.forEach(consumer::position);
        running = true;
        var started = new CountDownLatch(1);
        thread = new Thread(() -> {
            started.countDown();
            pollLoop();
        }, "api-command-replies");
        thread.setDaemon(true);
        thread.start();
        awaitQuietly(started);
        log.info("Waiting for command replies on {} partitions of {}", partitions.size(), Topics.COMMAND_REPLIES);
    }

    private void pollLoop() {
        try {
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    deliver(record.key(), record.value());
                }
            }
        } catch (WakeupException e) {
            // stop() woke us up
        } catch (RuntimeException e) {
            log.error("Command reply feed stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void deliver(String commandId, byte[] value) {
        var waiter = commandId == null ? null : waiting.get(commandId);
        if (waiter == null) {
            return;
        }
        try {
            waiter.offer(serde.deserialize(Topics.COMMAND_REPLIES, value));
        } catch (SerializationException e) {
            log.warn("Unreadable reply for command {}", commandId, e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waiting.values().forEach(Waiter::close);
        if (consumerMetrics != null) {
            consumerMetrics.close();
        }
    }

    /** Requests waiting for a reply now. */
    int waitingCount() {
        return waiting.size();
    }

    @PreDestroy
    void stopDecisionThreads() {
        decisionThreads.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before the web server takes requests and stop after it has drained them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
