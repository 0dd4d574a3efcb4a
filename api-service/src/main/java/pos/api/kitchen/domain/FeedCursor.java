package pos.api.kitchen.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A position in every partition of the order events topic: for each partition, the next offset to read. It is
 * the id of every event of a store's order stream ({@code 0:123.1:456.2:789}), so a client that reconnects with
 * {@code Last-Event-ID} resumes exactly after the last event it saw: the topic is keyed by order id over several
 * partitions, and only a position in each of them says what was delivered. A cursor is a consistent cut: every
 * record below it was read, none at or above it.
 */
public record FeedCursor(Map<Integer, Long> positions) {

    /** Longer Last-Event-IDs are refused before they are parsed. */
    public static final int MAX_LENGTH = 4096;

    public static final int MAX_PARTITIONS = 256;

    public FeedCursor {
        positions = java.util.Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    public static FeedCursor of(Map<Integer, Long> positions) {
        return new FeedCursor(positions);
    }

    /** The position of one partition: 0 (its very beginning) for a partition the cursor does not name. */
    public long position(int partition) {
        return positions.getOrDefault(partition, 0L);
    }

    /** A cursor advanced past one record. */
    public FeedCursor after(int partition, long offset) {
        var next = new TreeMap<>(positions);
        next.merge(partition, offset + 1, Math::max);
        return new FeedCursor(next);
    }

    /** Each partition at the further of the two positions. */
    public FeedCursor max(FeedCursor other) {
        var next = new TreeMap<>(positions);
        other.positions.forEach((p, o) -> next.merge(p, o, Math::max));
        return new FeedCursor(next);
    }

    public String format() {
        var text = new StringBuilder();
        positions.forEach((p, o) ->
                text.append(text.isEmpty() ? "" : ".").append(p).append(':').append(o));
        return text.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    /** Empty when the text is not a cursor (too long, too many partitions, negative or malformed numbers). */
    public static Optional<FeedCursor> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        var parts = text.split("\\.", -1);
        if (parts.length > MAX_PARTITIONS) {
            return Optional.empty();
        }
        var positions = new TreeMap<Integer, Long>();
        for (var part : parts) {
            int colon = part.indexOf(':');
            if (colon <= 0
                    || colon == part.length() - 1
                    || colon > 4
                    || part.length() - colon - 1 > 19
                    || !digits(part, 0, colon)
                    || !digits(part, colon + 1, part.length())) {
                return Optional.empty();
            }
            try {
                int partition = Integer.parseInt(part, 0, colon, 10);
                long offset = Long.parseLong(part, colon + 1, part.length(), 10);
                if (positions.put(partition, offset) != null) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new FeedCursor(positions));
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
