package pos.loadgen;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** The smoke test's assertions: each failure names what was expected and shows what the system answered. */
final class SmokeChecks {

    private static final int BODY_SHOWN = 600;
    private static final List<String> EXPECTED_STATUSES =
            List.of("created", "confirmed", "preparing", "ready", "completed");

    private SmokeChecks() {}

    static PosApi.Reply expect(PosApi.Reply reply, int status) {
        check(reply.status() == status, "expected HTTP " + status + ", got " + show(reply));
        return reply;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new SmokeSteps.Failure(message);
        }
    }

    static String text(JsonNode node, String field, PosApi.Reply reply) {
        var value = node.path(field).asString("");
        check(!value.isBlank(), "no '" + field + "' in " + show(reply));
        return value;
    }

    static void decimal(JsonNode node, String field, BigDecimal expected, PosApi.Reply reply) {
        var value = node.path(field);
        check(
                !value.isMissingNode() && !value.isNull() && expected.compareTo(new BigDecimal(value.asString())) == 0,
                "expected " + field + " " + expected.toPlainString() + " in " + show(reply));
    }

    /** Repeats the call while the answer is not final (a 202), up to the timeout; returns the last answer. */
    static PosApi.Reply retryWhile(Supplier<PosApi.Reply> call, Predicate<PosApi.Reply> notFinal, Duration timeout) {
        return eventually(call, notFinal.negate(), timeout);
    }

    /** Repeats the call until its answer satisfies {@code done} or the timeout passes; returns the last answer. */
    static PosApi.Reply eventually(Supplier<PosApi.Reply> call, Predicate<PosApi.Reply> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var reply = call.get();
        while (!done.test(reply) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            reply = call.get();
        }
        return reply;
    }

    static boolean hasCompleted(List<JsonNode> events) {
        return events.stream()
                .anyMatch(event -> "completed".equals(event.path("status").asString("")));
    }

    /**
     * The order's events as a downstream consumer needs them: each a JSON object with a {@code type} and the
     * order's id, sequences rising, and the statuses created, confirmed, preparing, ready, completed in that
     * order (a {@code pending} before them is allowed, not required). Returns the statuses read, for the log.
     */
    static String orderEvents(List<JsonNode> events, String orderId) {
        check(!events.isEmpty(), "no event keyed by order " + orderId + " on " + OrderEventsReader.TOPIC);
        var statuses = new ArrayList<String>();
        long lastSequence = Long.MIN_VALUE;
        for (var event : events) {
            check(!event.path("type").asString("").isBlank(), "an event without 'type': " + event);
            check(
                    orderId.equals(event.path("order_id").asString(orderId)),
                    "an event keyed by " + orderId + " names another order: " + event);
            long sequence = event.path("sequence").asLong(lastSequence + 1);
            check(sequence > lastSequence, "sequence " + sequence + " after " + lastSequence + ": " + event);
            lastSequence = sequence;
            if (event.hasNonNull("status")) {
                statuses.add(event.path("status").asString());
            }
        }
        var seen = statuses.isEmpty() || !statuses.get(0).equals("pending")
                ? statuses
                : statuses.subList(1, statuses.size());
        check(
                seen.equals(EXPECTED_STATUSES),
                "expected the statuses [pending,] " + EXPECTED_STATUSES + " in order, read " + statuses + " from "
                        + events.size() + " events");
        return String.join(" -> ", statuses) + " (" + events.size() + " events, types "
                + events.stream()
                        .map(event -> event.path("type").asString())
                        .distinct()
                        .toList() + ")";
    }

    static String show(PosApi.Reply reply) {
        var body = reply.body() == null ? "" : reply.body();
        return reply.status() + " " + (body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) + "..." : body);
    }
}
