package pos.observability.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.MDC;

/**
 * W3C trace context in Kafka record headers, for code that has no Micrometer observation: the Kafka Streams
 * processors. They forward the trace headers of the record they process to every record it causes, so one trace
 * id follows an order from the HTTP request through every topic, and they put it in the logging MDC (the same
 * {@code traceId}/{@code spanId} keys Micrometer Tracing uses) while the record is being processed.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    public static final String BAGGAGE = "baggage";

    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_SPAN_ID = "spanId";

    private static final Set<String> PROPAGATED = Set.of(TRACEPARENT, TRACESTATE, BAGGAGE);
    /** version-traceid-parentid-flags; an all-zero trace or span id is invalid. */
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-(?!0{16})([0-9a-f]{16})-[0-9a-f]{2}.*");

    private TraceHeaders() {}

    /** The ids of a {@code traceparent} header. */
    public record TraceContext(String traceId, String spanId) {}

    /** Only the trace headers of a record, for a new record derived from it (its other headers stay behind). */
    public static Headers propagated(Headers source) {
        var headers = new RecordHeaders();
        for (Header header : source) {
            if (PROPAGATED.contains(header.key())) {
                headers.add(header.key(), header.value());
            }
        }
        return headers;
    }

    public static Optional<TraceContext> traceContext(Headers headers) {
        var header = headers.lastHeader(TRACEPARENT);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        var matcher = TRACEPARENT_FORMAT.matcher(new String(header.value(), StandardCharsets.US_ASCII));
        return matcher.matches() ? Optional.of(new TraceContext(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /**
     * Puts the record's trace and span id in the MDC until the returned scope closes; without a valid
     * {@code traceparent} the MDC is left as it is.
     */
    public static MdcScope inMdc(Headers headers) {
        var context = traceContext(headers);
        if (context.isEmpty()) {
            return () -> {};
        }
        String previousTrace = MDC.get(MDC_TRACE_ID);
        String previousSpan = MDC.get(MDC_SPAN_ID);
        MDC.put(MDC_TRACE_ID, context.get().traceId());
        MDC.put(MDC_SPAN_ID, context.get().spanId());
        return () -> {
            restore(MDC_TRACE_ID, previousTrace);
            restore(MDC_SPAN_ID, previousSpan);
        };
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    /** A try-with-resources scope that throws nothing. */
    @FunctionalInterface
    public interface MdcScope extends AutoCloseable {
        @Override
        void close();
    }
}
