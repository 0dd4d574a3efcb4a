package pos.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

final class FreePorts {

    private FreePorts() {
    }

    static int next() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalStackSettings settings(java.nio.file.Path dataDir) {
        return new LocalStackSettings(dataDir, next(), next(), next(), next(), next(), next(), 2);
    }
}
