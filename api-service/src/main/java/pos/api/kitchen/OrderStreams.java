package pos.api.kitchen;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import pos.api.identity.TokenRecheck;
import pos.api.kitchen.domain.FeedCursor;
import pos.api.kitchen.domain.StreamLimits;
import pos.api.order.OrderViews;
import pos.api.readmodel.ProjectionProgress;
import tools.jackson.databind.json.JsonMapper;

/** Opens order streams within the limits: each runs on a thread of a pool no larger than the instance's limit. */
@Service
class OrderStreams {

    private final OrderFeed feed;
    private final OrderViews views;
    private final ProjectionProgress projection;
    private final TokenRecheck tokens;
    private final KitchenProperties props;
    private final JsonMapper json;
    private final StreamLimits limits;
    private final ThreadPoolExecutor threads;

    OrderStreams(
            OrderFeed feed,
            OrderViews views,
            MongoTemplate mongo,
            TokenRecheck tokens,
            KitchenProperties props,
            JsonMapper json,
            MeterRegistry meters) {
        this.feed = feed;
        this.views = views;
        this.projection = new ProjectionProgress(mongo, OrderViews.PROJECTION);
        this.tokens = tokens;
        this.props = props;
        this.json = json;
        this.limits = new StreamLimits(props.maxStreamsPerUser(), props.maxStreams());
        // never queues: a place in the limits is a thread; the pool is as large as the instance's limit
        this.threads = new ThreadPoolExecutor(
                0,
                props.maxStreams(),
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                new CustomizableThreadFactory("order-stream-"));
        Gauge.builder("pos.kitchen.streams.open", limits, StreamLimits::open)
                .description("Order streams (Server-Sent Events) open on this instance")
                .register(meters);
    }

    /** Thrown when a limit is reached: 429 with Retry-After. */
    static final class LimitReached extends RuntimeException {
        LimitReached(String message) {
            super(message);
        }
    }

    /**
     * @param holder who the stream counts against (a user id, or a display's)
     * @param token  the caller's token, rechecked while the stream is open
     * @param resume the Last-Event-ID, or null for a snapshot first
     */
    SseEmitter open(String holder, String storeId, String token, FeedCursor resume) {
        limits.acquire(holder).ifPresent(refusal -> {
            throw new LimitReached(refusal);
        });
        try {
            var emitter = new SseEmitter(props.maxDuration().plusMinutes(1).toMillis());
            threads.execute(new OrderStream(
                    emitter,
                    storeId,
                    token,
                    resume,
                    feed,
                    views,
                    projection,
                    tokens,
                    props,
                    json,
                    () -> limits.release(holder)));
            return emitter;
        } catch (RuntimeException e) {
            limits.release(holder);
            throw e;
        }
    }

    int open() {
        return limits.open();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
