package pos.api.kitchen;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import pos.api.identity.TokenRecheck;
import pos.api.kitchen.domain.FeedCursor;
import pos.api.order.OrderViews;
import pos.api.order.domain.OrderFlow;
import pos.api.readmodel.ProjectionProgress;
import pos.schemas.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * One open order stream, on a thread of its own until it ends: catch-up from the topic (or a snapshot of the
 * read model and the events it may lack), then the live events of its store, heartbeats, and a recheck of its
 * token every {@link KitchenProperties#recheck()}.
 */
final class OrderStream implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(OrderStream.class);
    static final long RECONNECT_MILLIS = 2000;

    private final SseEmitter emitter;
    private final String storeId;
    private final String token;
    private final FeedCursor resume;
    private final OrderFeed feed;
    private final OrderViews views;
    private final ProjectionProgress projection;
    private final TokenRecheck tokens;
    private final KitchenProperties props;
    private final JsonMapper json;
    private final Runnable release;
    private volatile boolean closed;
    /** Snapshot orders by id and sequence: an event no newer than the snapshot is not sent again. */
    private final Map<String, Long> snapshotSequences = new HashMap<>();

    private Instant lastSent = Instant.now();

    OrderStream(
            SseEmitter emitter,
            String storeId,
            String token,
            FeedCursor resume,
            OrderFeed feed,
            OrderViews views,
            ProjectionProgress projection,
            TokenRecheck tokens,
            KitchenProperties props,
            JsonMapper json,
            Runnable release) {
        this.emitter = emitter;
        this.storeId = storeId;
        this.token = token;
        this.resume = resume;
        this.feed = feed;
        this.views = views;
        this.projection = projection;
        this.tokens = tokens;
        this.props = props;
        this.json = json;
        this.release = release;
        emitter.onCompletion(() -> closed = true);
        emitter.onTimeout(() -> closed = true);
        emitter.onError(e -> closed = true);
    }

    @Override
    public void run() {
        var subscription = feed.subscribe(storeId, props.buffer()).orElse(null);
        try {
            if (subscription == null) {
                end("The order feed is not reading yet; reconnect");
                return;
            }
            try (subscription) {
                stream(subscription);
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the response was completed under us): nothing to tell anyone
            log.debug("Order stream of store {} closed: {}", storeId, e.toString());
            completeQuietly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            completeQuietly();
        } catch (RuntimeException e) {
            log.warn("Order stream of store {} failed", storeId, e);
            completeQuietly();
        } finally {
            release.run();
        }
    }

    /**
     * Once the client has gone, the servlet container may already have ended the response (its error callback ran):
     * completing it again is refused, and there is nobody left to tell.
     */
    private void completeQuietly() {
        try {
            emitter.complete();
        } catch (IllegalStateException e) {
            log.debug("Order stream of store {} was already ended by the container: {}", storeId, e.toString());
        }
    }

    private void stream(OrderFeed.Subscription subscription) throws IOException, InterruptedException {
        var live = subscription.start();
        FeedCursor from = resume;
        if (from != null
                && !from.equals(live)
                && feed.history().replay(from, live, storeId, this::send) == FeedHistory.Outcome.GONE) {
            send(SseEmitter.event()
                    .name("reset")
                    .reconnectTime(RECONNECT_MILLIS)
                    .data(json.writeValueAsString(new StreamEvents.Notice(
                            "Last-Event-ID is older than the order history kept: a fresh snapshot " + "follows"))));
            from = null;
        }
        if (from == null) {
            from = snapshot(live);
        }
        var floor = from;
        var deadline = Instant.now().plus(props.maxDuration());
        var nextRecheck = Instant.now().plus(props.recheck());
        while (!closed) {
            var event = subscription.poll(props.recheck());
            var ended = subscription.ended();
            if (ended.isPresent()) {
                end(ended.get());
                return;
            }
            if (event != null && event.offset() >= floor.position(event.partition())) {
                send(event, event.after().max(floor));
            }
            var now = Instant.now();
            if (!now.isBefore(nextRecheck)) {
                if (!tokens.stillValid(token)) {
                    end("The token was revoked or expired, or its account deactivated or changed");
                    return;
                }
                nextRecheck = now.plus(props.recheck());
            }
            if (now.isAfter(deadline)) {
                end("The stream reached its longest duration; reconnect with Last-Event-ID");
                return;
            }
            if (Duration.between(lastSent, now).compareTo(props.heartbeat()) >= 0) {
                emitter.send(SseEmitter.event().comment("keep-alive"));
                lastSent = now;
            }
        }
    }

    /**
     * The store's open orders from the read model, and the events the read model may not have applied yet: the
     * projector's stored progress is read first, so the read model holds everything before it and the replay from
     * there up to the live feed fills the rest. Returns where the live events take over.
     */
    private FeedCursor snapshot(FeedCursor live) throws IOException {
        var projected = projectedUpTo(live);
        var open = views.inStatuses(storeId, OrderFlow.OPEN, props.snapshotLimit());
        open.forEach(o -> snapshotSequences.put(o.orderId(), o.sequence()));
        send(SseEmitter.event()
                .name("snapshot")
                .id(projected.format())
                .reconnectTime(RECONNECT_MILLIS)
                .data(json.writeValueAsString(StreamEvents.Snapshot.of(open, props.snapshotLimit()))));
        if (!projected.equals(live)) {
            feed.history().replay(projected, live, storeId, this::send);
        }
        return projected.max(live);
    }

    /** The projector's progress in each partition, never past {@code live}; {@code live} where it has none. */
    private FeedCursor projectedUpTo(FeedCursor live) {
        var partitions = live.positions().keySet().stream()
                .map(p -> new TopicPartition(Topics.ORDER_EVENTS, p))
                .toList();
        var stored = projection.positions(partitions);
        var positions = new HashMap<Integer, Long>();
        live.positions().forEach((p, offset) -> {
            Long done = stored.get(new TopicPartition(Topics.ORDER_EVENTS, p));
            positions.put(p, done == null ? offset : Math.min(done, offset));
        });
        return FeedCursor.of(positions);
    }

    private void send(FeedEvent event) throws IOException {
        send(event, event.after());
    }

    private void send(FeedEvent event, FeedCursor id) throws IOException {
        Long known = snapshotSequences.get(event.change().orderId());
        if (known != null) {
            if (event.change().sequence() <= known) {
                return;
            }
            snapshotSequences.remove(event.change().orderId());
        }
        send(SseEmitter.event()
                .name("order")
                .id(id.format())
                .data(json.writeValueAsString(StreamEvents.Change.of(event))));
    }

    private void send(SseEmitter.SseEventBuilder event) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        emitter.send(event);
        lastSent = Instant.now();
    }

    private void end(String reason) throws IOException {
        if (!closed) {
            emitter.send(SseEmitter.event().name("end").data(json.writeValueAsString(new StreamEvents.Notice(reason))));
        }
        emitter.complete();
    }
}
