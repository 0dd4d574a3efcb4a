package pos.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;

/**
 * A data file served by a new in-process MongoDB-wire server, with a driver client: as the restarted local stack
 * opens its data file, or as mongo-java-server's stock H2 backend does (what the stack's answers are compared with).
 */
final class ServedFile implements AutoCloseable {

    final H2Backend backend;
    final MongoServer server;
    final MongoClient client;

    static ServedFile asTheStackDoes(Path file) {
        return new ServedFile(DurableH2Backend.open(file.toString()));
    }

    static ServedFile withTheStockBackend(Path file) {
        return new ServedFile(new H2Backend(file.toString()));
    }

    ServedFile(H2Backend backend) {
        this.backend = backend;
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
        backend.close();
    }
}
