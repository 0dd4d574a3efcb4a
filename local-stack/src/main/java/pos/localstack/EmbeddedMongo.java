package pos.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server (mongo-java-server) whose H2 backend writes one file, so the read models, users, catalog
 * and idempotency keys survive a restart. Services reach it through a normal mongodb:// URI.
 */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;
    private final int port;

    private EmbeddedMongo(MongoServer server, H2Backend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.port = port;
    }

    static EmbeddedMongo start(Path file, int port) throws IOException {
        Files.createDirectories(file.getParent());
        var backend = new H2Backend(file.toAbsolutePath().toString());
        var server = new MongoServer(backend);
        server.bind("localhost", port);
        return new EmbeddedMongo(server, backend, port);
    }

    String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
