package pos.api.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import pos.api.web.ApiException;
import pos.api.web.AtMostEvery;
import pos.schemas.Topics;
import pos.schemas.reply.CommandReply;
import pos.schemas.serde.JsonSerde;
import pos.schemas.serde.JsonSerdes;

/**
 * Delivers the processors' decisions to the requests waiting for them. Every API instance reads every partition
 * of {@link Topics#COMMAND_REPLIES} from the end (no consumer group, nothing committed), so a reply reaches
 * whichever instance is waiting. A waiter registers before its command is published, so no reply can be missed.
 * The feed restarts itself after any error, resuming where it was, and reports its state to readiness
 * ({@link ReplyFeedHealthIndicator}).
 */
@Component
public class CommandReplies implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandReplies.class);
    /** Continue decided requests (a MongoDB write and the JSON answer each); waiting itself takes no thread. */
    static final int DECISION_THREADS = 8;

    static final Duration FIRST_ASSIGNMENT_WAIT = Duration.ofSeconds(5);
    static final Duration MIN_RESTART_PAUSE = Duration.ofMillis(100);
    static final Duration MAX_RESTART_PAUSE = Duration.ofSeconds(5);
    /** A backlog of max-in-flight commands is worked off in about a second at the processors' usual rates. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    // once per interval, not per request: under overload that would be hundreds of lines a second
    private final AtMostEvery refusalWarning = new AtMostEvery(Duration.ofSeconds(10));

    private final Map<String, Waiter> waiting = new ConcurrentHashMap<>();
    private final ThreadLocal<Reservation> reservations = new ThreadLocal<>();
    private final KafkaProperties kafkaProperties;
    private final MeterRegistry meters;
    private final Counter refused;
    private final CommandsInFlight inFlight;
    private volatile KafkaClientMetrics consumerMetrics;
    private final JsonSerde<CommandReply> serde = JsonSerdes.commandReply();
    private final Function<Map<String, Object>, Consumer<String, byte[]>> consumers;
    /** Next offset to read per partition: a restarted feed resumes there instead of skipping to the end. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    private final ReplyFeedHealth health = new ReplyFeedHealth();
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;
    private final ExecutorService decisionThreads =
            Executors.newFixedThreadPool(DECISION_THREADS, new CustomizableThreadFactory("api-decisions-"));
    private volatile boolean running;

    @Autowired
    public CommandReplies(KafkaProperties kafkaProperties, CommandProperties commands, MeterRegistry meters) {
        this(
                kafkaProperties,
                commands,
                meters,
                props -> new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()));
    }

    /** With another consumer: tests inject failures. */
    CommandReplies(
            KafkaProperties kafkaProperties,
            CommandProperties commands,
            MeterRegistry meters,
            Function<Map<String, Object>, Consumer<String, byte[]>> consumers) {
        this.kafkaProperties = kafkaProperties;
        this.meters = meters;
        this.consumers = consumers;
        this.inFlight = new CommandsInFlight(commands.maxInFlight(), commands.inFlightExpiry(), System::nanoTime);
        this.refused = Counter.builder("pos.commands.refused")
                .description("Commands refused with 503 because pos.commands.max-in-flight were already in flight")
                .register(meters);
        Gauge.builder("pos.commands.in.flight", inFlight, CommandsInFlight::count)
                .description("Commands published by this instance and not yet answered by the processors")
                .register(meters);
    }

    /**
     * Refuses at once (503, Retry-After) when no command could be admitted now: called before a request claims its
     * Idempotency-Key or reads anything, so a refusal under overload costs next to nothing.
     */
    public void requireRoom() {
        if (reservationOfThisThread().isEmpty() && inFlight.full()) {
            throw overloaded();
        }
    }

    /**
     * Reserves the place of the command the calling thread's request may publish, or throws the 503 when
     * {@code pos.commands.max-in-flight} are already in flight or reserved. The next command admitted on this
     * thread takes the place without a second check; closing the reservation gives it back if none was. Without
     * it, requests that found room at the front claimed their Idempotency-Key in MongoDB and were refused only as
     * their command was admitted, then released the key with a second write: under overload most of MongoDB's
     * writes were for requests that were refused anyway.
     */
    public Reservation reserveRoom() {
        if (!inFlight.reserve()) {
            throw overloaded();
        }
        var reservation = new Reservation();
        reservations.set(reservation);
        return reservation;
    }

    /** A place among the commands in flight, held by one request's thread until its command is admitted. */
    public final class Reservation implements AutoCloseable {

        private boolean taken;

        /** Gives the place back unless a command took it; the thread holds no reservation afterwards. */
        @Override
        public void close() {
            if (reservations.get() == this) {
                reservations.remove();
            }
            if (!taken) {
                taken = true;
                inFlight.release();
            }
        }
    }

    private Optional<Reservation> reservationOfThisThread() {
        return Optional.ofNullable(reservations.get()).filter(reservation -> !reservation.taken);
    }

    /** Admits the command under this thread's reservation if it has one, else if there is room. */
    private boolean admit(String commandId) {
        var reservation = reservationOfThisThread();
        if (reservation.isPresent()) {
            reservation.get().taken = true;
            inFlight.admitReserved(commandId);
            return true;
        }
        return inFlight.admit(commandId);
    }

    private ApiException overloaded() {
        refused.increment();
        if (refusalWarning.now()) {
            log.warn(
                    "The processors are behind: {} commands in flight (pos.commands.max-in-flight); refusing commands "
                            + "with 503 until they answer ({} refused so far, metric pos_commands_refused_total)",
                    inFlight.count(),
                    (long) refused.count());
        }
        return new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Too many orders and stock changes are waiting for a decision; retry in a moment with the "
                                + "same Idempotency-Key")
                .retryAfter(RETRY_AFTER);
    }

    /**
     * Publishes a command nobody waits for (a 202 at once), counted in flight until its reply like every other.
     *
     * @throws ApiException 503 when {@code pos.commands.max-in-flight} are already in flight
     */
    public void publishUnawaited(String commandId, Runnable publish) {
        if (!admit(commandId)) {
            throw overloaded();
        }
        try {
            publish.run();
        } catch (RuntimeException e) {
            inFlight.answered(commandId);
            throw e;
        }
    }

    /**
     * Register before publishing the command. Past {@code pos.commands.max-in-flight} commands in flight it throws
     * a 503 {@link ApiException} instead: the processors are behind, and every request admitted now would wait
     * behind the backlog. The waiter's {@link Waiter#decision} completes with the first reply
     * that {@code decides} accepts (a command may get several replies: a duplicate answered while the first is
     * still pending, then the decision) or empty at its timeout. No thread waits meanwhile; what the caller chains
     * on the decision runs on the API's decision threads.
     */
    public Waiter expect(String commandId, Predicate<CommandReply> decides) {
        if (!admit(commandId)) {
            throw overloaded();
        }
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
                inFlight.answered(commandId);
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
        running = true;
        var ready = new CountDownLatch(1);
        thread = new Thread(() -> feed(ready), "api-command-replies");
        thread.setDaemon(true);
        thread.start();
        // a reply published after start() returns is then never skipped; without a broker the feed keeps trying
        // in the background and readiness says so
        awaitQuietly(ready, FIRST_ASSIGNMENT_WAIT);
    }

    /**
     * Reads replies until stopped. Any failure closes the consumer and opens a new one after a short pause,
     * resuming at the positions already reached, so no reply is skipped and the feed never stays down.
     */
    private void feed(CountDownLatch ready) {
        var pause = MIN_RESTART_PAUSE;
        while (running) {
            try {
                readReplies(ready);
            } catch (WakeupException e) {
                // stop() woke us up; the loop ends unless this was a spurious wakeup
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                health.failed(e);
                log.error("Command reply feed failed; restarting it in {} ms", pause.toMillis(), e);
                pauseQuietly(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_RESTART_PAUSE) > 0
                        ? MAX_RESTART_PAUSE
                        : pause.multipliedBy(2);
                continue;
            }
            pause = MIN_RESTART_PAUSE;
        }
    }

    private void readReplies(CountDownLatch ready) {
        Map<String, Object> props = kafkaProperties.buildConsumerProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-command-replies");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        Consumer<String, byte[]> opened = consumers.apply(props);
        try {
            consumer = opened;
            bindMetrics(opened);
            var partitions = opened.partitionsFor(Topics.COMMAND_REPLIES, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException(Topics.COMMAND_REPLIES + " has no partitions (yet)");
            }
            opened.assign(partitions);
            partitions.stream()
                    .filter(positions::containsKey)
                    .forEach(partition -> opened.seek(partition, positions.get(partition)));
            var fresh =
                    partitions.stream().filter(p -> !positions.containsKey(p)).toList();
            if (!fresh.isEmpty()) {
                // never with an empty list: that would seek every assigned partition to the end
                opened.seekToEnd(fresh);
            }
            // resolve the positions now: replies published from here on are read
            partitions.forEach(partition -> positions.put(partition, opened.position(partition)));
            health.reading(partitions.size());
            ready.countDown();
            log.info("Waiting for command replies on {} partitions of {}", partitions.size(), Topics.COMMAND_REPLIES);
            while (running) {
                var records = opened.poll(Duration.ofMillis(200));
                for (var record : records) {
                    deliver(record.key(), record.value());
                    positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                health.polled();
            }
        } finally {
            consumer = null;
            try {
                opened.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("Closing the command reply consumer failed", e);
            }
        }
    }

    private void bindMetrics(Consumer<String, byte[]> opened) {
        if (consumerMetrics != null) {
            consumerMetrics.close();
        }
        // the same tag keys as the listener containers' consumers, or Prometheus would drop one set
        consumerMetrics = new KafkaClientMetrics(opened, List.of(Tag.of("spring.id", "api-command-replies")));
        consumerMetrics.bindTo(meters);
    }

    /** The API's decision threads, for work that continues a decided request after a batched write. */
    public Executor decisionExecutor() {
        return decisionThreads;
    }

    /** For the readiness health indicator. */
    public ReplyFeedHealth health() {
        return health;
    }

    void deliver(String commandId, byte[] value) {
        if (commandId == null) {
            return;
        }
        inFlight.answered(commandId);
        var waiter = waiting.get(commandId);
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
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
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

    /** Commands published and not yet answered now. */
    int inFlightCount() {
        return inFlight.count();
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

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Backs off between restarts; stop() interrupts it. */
    private void pauseQuietly(Duration pause) {
        var resume = new CountDownLatch(1);
        awaitQuietly(resume, pause);
        if (Thread.interrupted() && running) {
            Thread.currentThread().interrupt();
        }
    }
}
