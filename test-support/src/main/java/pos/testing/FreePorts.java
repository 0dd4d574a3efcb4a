package pos.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port free right now, for a server the test starts next.
 *
 * <p>Ports come from below the kernel's ephemeral range (Linux: 32768–60999). A port the kernel hands out itself
 * ({@code new ServerSocket(0)}) is in that range, so between the test choosing it and a server binding it, any
 * outgoing connection of any process may take it as its local port: a stack killed and started again on the same
 * ports then fails with "Port … was already in use". Below the range only another listener can take it, and this
 * class never hands out the same port twice in one JVM.
 */
public final class FreePorts {

    static final int LOWEST = 20_000;
    static final int BELOW_EPHEMERAL = 32_768;
    private static final int ATTEMPTS = 1_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    public static int next() {
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(LOWEST, BELOW_EPHEMERAL);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException(
                "no free port between " + LOWEST + " and " + BELOW_EPHEMERAL + " after " + ATTEMPTS + " attempts");
    }

    private static boolean bindable(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
