package pos.api.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB servers the MongoDB-facing ITs run against, one run per backend (see {@link OnEachMongoBackend}):
 * mongo-java-server, the local stack's embedded MongoDB, always; and a real MongoDB 8.0 in a container where Docker
 * exists. Without Docker every test of the container run is skipped through an assumption, never failed.
 * <p>
 * Each server and its client are started on first use and shared by the whole test JVM, so the container starts at
 * most once per run; every caller gets a database of its own.
 */
public enum MongoBackend {

    /** mongo-java-server (memory backend), shared with {@link TestInfrastructure}. */
    EMBEDDED("mongo-java-server") {
        @Override
        MongoClient startClient() {
            return MongoClients.create(TestInfrastructure.mongoUri("unused"));
        }
    },

    /** A MongoDB 8.0 container (Testcontainers); its tests are skipped without Docker. */
    CONTAINER("mongo:8.0") {
        @Override
        MongoClient startClient() {
            var container = new MongoDBContainer("mongo:8.0");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return MongoClients.create(container.getConnectionString());
        }
    };

    private static Boolean dockerAvailable;

    private final String label;
    private MongoClient client;

    MongoBackend(String label) {
        this.label = label;
    }

    abstract MongoClient startClient();

    public boolean isEmbedded() {
        return this == EMBEDDED;
    }

    /** A template on a database nobody else uses; skips the calling test when this backend cannot run here. */
    public MongoTemplate freshDatabase(String prefix) {
        return new MongoTemplate(
                client(), prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * Skips the calling test on real MongoDB: for assertions about mongo-java-server itself (its query planner, as
     * counted by {@link ScanCountingMongo}), which have no meaning there.
     */
    /**
     * A fresh database on a mongo-java-server that records its collection scans, for tests of what its query
     * planner does; skipped on the container, whose planner is another one.
     */
    public MongoTemplate scanCountingDatabase(ScanCountingMongo mongo) {
        assumeEmbedded("scan counts of its query planner");
        return mongo.template("db_" + UUID.randomUUID().toString().replace("-", ""));
    }

    public void assumeEmbedded(String why) {
        assumeTrue(isEmbedded(), "mongo-java-server only: " + why);
    }

    private synchronized MongoClient client() {
        if (this == CONTAINER) {
            assumeTrue(dockerAvailable(), "no Docker here: the MongoDB container run is skipped");
        }
        if (client == null) {
            client = startClient();
        }
        return client;
    }

    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        }
        return dockerAvailable;
    }

    @Override
    public String toString() {
        return label;
    }
}
