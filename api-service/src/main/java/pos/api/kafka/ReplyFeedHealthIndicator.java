package pos.api.kafka;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code replyFeed} in readiness: without a running reply feed every write would wait for a decision it never
 * sees. UP while the feed reads and has polled recently; DOWN while it is (re)starting, with its restarts and last
 * error.
 */
@Component
class ReplyFeedHealthIndicator implements HealthIndicator {

    /** A poll returns at least every 200 ms; a feed silent for longer is stuck. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private final CommandReplies replies;

    ReplyFeedHealthIndicator(CommandReplies replies) {
        this.replies = replies;
    }

    @Override
    public Health health() {
        var feed = replies.health();
        var lastPoll = feed.lastPoll();
        boolean fresh = lastPoll != null && lastPoll.plus(STALE_AFTER).isAfter(Instant.now());
        var health = feed.isReading() && fresh ? Health.up() : Health.down();
        health.withDetail("partitions", feed.partitions()).withDetail("restarts", feed.restarts());
        if (lastPoll != null) {
            health.withDetail("lastPoll", lastPoll.toString());
        }
        if (feed.lastError() != null) {
            health.withDetail("lastError", feed.lastError());
        }
        return health.build();
    }
}
