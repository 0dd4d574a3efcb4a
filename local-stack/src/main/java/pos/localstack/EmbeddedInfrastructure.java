package pos.localstack;

import java.io.IOException;

/** The embedded default: a KRaft broker and mongo-java-server on H2, with their files under the data directory. */
final class EmbeddedInfrastructure implements LocalStack.Infrastructure {

    private final KraftBroker broker;
    private final EmbeddedMongo mongo;

    private EmbeddedInfrastructure(KraftBroker broker, EmbeddedMongo mongo) {
        this.broker = broker;
        this.mongo = mongo;
    }

    static EmbeddedInfrastructure start(LocalStackSettings settings) throws IOException {
        var dataDir = settings.dataDir().toAbsolutePath();
        var broker = KraftBroker.start(dataDir.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        try {
            return new EmbeddedInfrastructure(
                    broker, EmbeddedMongo.start(dataDir.resolve("mongo").resolve("pos.mv"), settings.mongoPort()));
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.uri("pos");
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            mongo.close();
        }
    }
}
