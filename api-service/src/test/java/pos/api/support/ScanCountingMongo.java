package pos.api.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A mongo-java-server (the local stack's embedded MongoDB) that records every query it answers by scanning a whole
 * collection instead of using an index, so a test can show that a write path stays an index lookup however many
 * documents the collection holds. Scans happen in {@code matchDocuments} without positions; queries an index can
 * handle take the other overload.
 */
public final class ScanCountingMongo implements AutoCloseable {

    /** A query answered by reading every document of the collection. */
    public record Scan(String collection, String query) {}

    private final List<Scan> scans = new CopyOnWriteArrayList<>();
    private final MongoServer server;
    private final MongoClient client;

    public ScanCountingMongo() {
        server = new MongoServer(new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(
                            String collectionName, CollectionOptions options) {
                        return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                            @Override
                            protected QueryResult matchDocuments(
                                    Document query,
                                    Document orderBy,
                                    int skip,
                                    int limit,
                                    int batchSize,
                                    Document fieldSelector) {
                                scans.add(new Scan(collectionName, query.toString()));
                                return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
                            }
                        };
                    }
                };
            }
        });
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    public MongoTemplate template(String database) {
        return new MongoTemplate(client, database);
    }

    public List<Scan> scansOf(String collection) {
        return scans.stream()
                .filter(scan -> scan.collection().equals(collection))
                .toList();
    }

    public void forgetScans() {
        scans.clear();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
