package pos.localstack;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a {@code kill -9} of the local stack leaves of the embedded MongoDB: the data file as it is at that moment
 * (what the process had written to it; the operating system keeps it). A copy of the file taken while the server
 * runs is exactly that, so each test writes through the MongoDB wire protocol, copies the file right after the last
 * acknowledgement, and opens the copy as a restarted stack would. With mongo-java-server's stock H2 backend, whose
 * MVStore commits in the background about once a second, the last acknowledged writes are missing from the copy.
 */
class EmbeddedMongoDurabilityTest {

    private static final int DOCUMENTS = 300;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedInsertUpdateAndDeleteIsInTheFileAtOnce() throws IOException {
        var file = dir.resolve("pos.mv");
        try (var mongo = EmbeddedMongo.start(file, FreePorts.next());
             var client = MongoClients.create(mongo.uri("pos"))) {
            var accounts = client.getDatabase("pos").getCollection("accounts");
            accounts.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            for (int i = 0; i < DOCUMENTS; i++) {
                accounts.insertOne(new Document("_id", i).append("username", "user-" + i).append("version", 0));
            }
            for (int i = 0; i < DOCUMENTS; i += 2) {
                accounts.updateOne(Filters.eq("_id", i), Updates.set("version", 1));
            }
            accounts.deleteOne(Filters.eq("_id", DOCUMENTS - 1));
            Files.copy(file, dir.resolve("after-kill.mv"));
        }

        try (var restarted = new Reopened(dir.resolve("after-kill.mv"))) {
            var accounts = restarted.client.getDatabase("pos").getCollection("accounts");
            assertThat(accounts.countDocuments()).isEqualTo(DOCUMENTS - 1);
            assertThat(accounts.countDocuments(Filters.eq("version", 1))).isEqualTo(DOCUMENTS / 2);
            // the unique index came back with the documents: every username is still found through it
            assertThat(accounts.find(Filters.eq("username", "user-" + (DOCUMENTS - 2))).first()).isNotNull();
        }
    }

    @Test
    void concurrentWritersAreAllInTheFileWhenAcknowledged() throws Exception {
        var file = dir.resolve("pos.mv");
        int writers = 8;
        try (var mongo = EmbeddedMongo.start(file, FreePorts.next());
             var client = MongoClients.create(mongo.uri("pos"))) {
            var orders = client.getDatabase("pos").getCollection("orders");
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                var done = new java.util.ArrayList<Future<?>>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < DOCUMENTS / writers; i++) {
                            orders.insertOne(new Document("_id", writer + "-" + i));
                        }
                    }));
                }
                for (var future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Files.copy(file, dir.resolve("after-kill.mv"));
        }

        try (var restarted = new Reopened(dir.resolve("after-kill.mv"))) {
            assertThat(restarted.client.getDatabase("pos").getCollection("orders").countDocuments())
                    .isEqualTo(DOCUMENTS / writers * writers);
        }
    }

    @Test
    void opensADataFileTheStockBackendWrote() throws IOException {
        var file = dir.resolve("pos.mv");
        try (var before = new Reopened(file)) {
            before.client.getDatabase("pos").getCollection("users").insertOne(new Document("_id", "kept"));
        }

        try (var mongo = EmbeddedMongo.start(file, FreePorts.next());
             var client = MongoClients.create(mongo.uri("pos"))) {
            var users = client.getDatabase("pos").getCollection("users");
            assertThat(users.find(Filters.eq("_id", "kept")).first()).isNotNull();
            users.insertOne(new Document("_id", "added"));
            assertThat(users.countDocuments()).isEqualTo(2);
        }
    }

    /** The copied file opened by a new server, as the restarted local stack opens its data file. */
    private static final class Reopened implements AutoCloseable {

        final H2Backend backend;
        final MongoServer server;
        final com.mongodb.client.MongoClient client;

        Reopened(Path file) {
            backend = new H2Backend(file.toString());
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
}
