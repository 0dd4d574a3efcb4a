package pos.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server (mongo-java-server) whose H2 backend writes one file, so the read models, users, catalog
 * and idempotency keys survive a restart, and a kill: every write is in the file before it is acknowledged
 * ({@link DurableH2Backend}). Services reach it through a normal mongodb:// URI.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    static final long HOUSEKEEPING_SECONDS = 5;

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final ScheduledExecutorService housekeeping;
    private final int port;

    private EmbeddedMongo(
            MongoServer server, DurableH2Backend backend, ScheduledExecutorService housekeeping, int port) {
        this.server = server;
        this.backend = backend;
        this.housekeeping = housekeeping;
        this.port = port;
    }

    static EmbeddedMongo start(Path file, int port) throws IOException {
        Files.createDirectories(file.getParent());
        var backend = DurableH2Backend.open(file.toAbsolutePath().toString());
        var server = new MongoServer(backend);
        server.bind("localhost", port);
        var housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "embedded-mongo-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(
                () -> {
                    try {
                        backend.housekeeping();
                    } catch (RuntimeException e) {
                        log.warn(
                                "Compacting the MongoDB data file failed; trying again later",
                                e); // a failure would end the timer
                    }
                },
                HOUSEKEEPING_SECONDS,
                HOUSEKEEPING_SECONDS,
                TimeUnit.SECONDS);
        return new EmbeddedMongo(server, backend, housekeeping, port);
    }

    String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        server.shutdown();
        backend.close();
    }
}
