package pos.api.kitchen.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many order streams are open, per holder (a user or a display) and on this instance, with a ceiling for
 * each: each stream holds a connection and a thread for as long as it is open.
 */
public final class StreamLimits {

    private final int perHolder;
    private final int perInstance;
    private final Map<String, Integer> open = new HashMap<>();
    private int total;

    public StreamLimits(int perHolder, int perInstance) {
        if (perHolder < 1 || perInstance < 1) {
            throw new IllegalArgumentException("stream limits must be at least 1");
        }
        this.perHolder = perHolder;
        this.perInstance = perInstance;
    }

    /** Takes a place for a new stream, or says why there is none. Every success must be {@link #release}d. */
    public synchronized Optional<String> acquire(String holder) {
        if (total >= perInstance) {
            return Optional.of("Too many order streams are open on this server; try again later");
        }
        int mine = open.getOrDefault(holder, 0);
        if (mine >= perHolder) {
            return Optional.of("At most " + perHolder + " order streams may be open at once for one user or display");
        }
        open.put(holder, mine + 1);
        total++;
        return Optional.empty();
    }

    public synchronized void release(String holder) {
        Integer mine = open.get(holder);
        if (mine == null) {
            return;
        }
        if (mine == 1) {
            open.remove(holder);
        } else {
            open.put(holder, mine - 1);
        }
        total--;
    }

    public synchronized int open() {
        return total;
    }
}
