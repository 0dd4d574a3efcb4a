package pos.observability.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TraceHeadersTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private static RecordHeaders headers(String traceparent) {
        var headers = new RecordHeaders();
        headers.add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    @Test
    void readsTheTraceAndSpanIdOfAW3cTraceparent() {
        var context = TraceHeaders.traceContext(headers("00-" + TRACE_ID + "-" + SPAN_ID + "-01"));

        assertThat(context).contains(new TraceHeaders.TraceContext(TRACE_ID, SPAN_ID));
    }

    @Test
    void ignoresMissingOrInvalidTraceparents() {
        assertThat(TraceHeaders.traceContext(new RecordHeaders())).isEmpty();
        assertThat(TraceHeaders.traceContext(headers("garbage"))).isEmpty();
        assertThat(TraceHeaders.traceContext(headers("00-" + "0".repeat(32) + "-" + SPAN_ID + "-01")))
                .isEmpty();
        assertThat(TraceHeaders.traceContext(headers("00-" + TRACE_ID + "-" + "0".repeat(16) + "-01")))
                .isEmpty();
    }

    @Test
    void propagatesOnlyTheTraceHeaders() {
        var source = headers("00-" + TRACE_ID + "-" + SPAN_ID + "-01");
        source.add("tracestate", "vendor=1".getBytes(StandardCharsets.US_ASCII));
        source.add("kafka_dlt-exception-message", "private".getBytes(StandardCharsets.US_ASCII));

        var copied = TraceHeaders.propagated(source);

        assertThat(copied.toArray()).extracting(h -> h.key()).containsExactly("traceparent", "tracestate");
        copied.add("later", new byte[0]);
        assertThat(source.lastHeader("later")).as("the copy is independent").isNull();
    }

    @Test
    void putsTheIdsInTheMdcWhileProcessingAndRestoresItAfterwards() {
        MDC.put("traceId", "outer");

        try (var scope = TraceHeaders.inMdc(headers("00-" + TRACE_ID + "-" + SPAN_ID + "-01"))) {
            assertThat(MDC.get("traceId")).isEqualTo(TRACE_ID);
            assertThat(MDC.get("spanId")).isEqualTo(SPAN_ID);
        }

        assertThat(MDC.get("traceId")).isEqualTo("outer");
        assertThat(MDC.get("spanId")).isNull();
    }

    @Test
    void leavesTheMdcAloneWithoutTraceContext() {
        try (var scope = TraceHeaders.inMdc(new RecordHeaders())) {
            assertThat(MDC.get("traceId")).isNull();
        }
    }
}
