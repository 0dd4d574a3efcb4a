package pos.api.kitchen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order streams of the kitchen displays ({@code pos.kitchen.*}).
 *
 * @param maxStreamsPerUser  open streams per user or display at once (429 beyond)
 * @param maxStreams         open streams on this instance at once (429 beyond); each holds a thread
 * @param heartbeat          a comment line this often on a quiet stream, so proxies keep it open
 * @param recheck            how often a stream checks that its token is still accepted (revoked, deactivated)
 * @param maxDuration        a stream ends after this long; the client reconnects with Last-Event-ID
 * @param buffer             events queued for one stream at most; a client that falls further behind is
 *                           disconnected and catches up from the topic when it reconnects
 * @param snapshotLimit      open orders in a snapshot at most (oldest first)
 */
@ConfigurationProperties("pos.kitchen")
public record KitchenProperties(
        @DefaultValue("5") int maxStreamsPerUser,
        @DefaultValue("200") int maxStreams,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1s") Duration recheck,
        @DefaultValue("30m") Duration maxDuration,
        @DefaultValue("5000") int buffer,
        @DefaultValue("500") int snapshotLimit) {}
