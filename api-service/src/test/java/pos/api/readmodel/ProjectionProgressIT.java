package pos.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import pos.api.support.MongoBackend;
import pos.api.support.OnEachMongoBackend;
import pos.api.support.ScanCountingMongo;

/** Projector progress kept in the read model's database, against mongo-java-server and real MongoDB. */
@OnEachMongoBackend
class ProjectionProgressIT {

    static ScanCountingMongo mongo;

    @Parameter
    MongoBackend backend;

    MongoTemplate template;
    ProjectionProgress progress;

    @BeforeAll
    static void startMongo() {
        mongo = new ScanCountingMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshDatabase() {
        use(backend.freshDatabase("db"));
    }

    /** For the scan counts: the same reads and writes on a mongo-java-server that records its collection scans. */
    void onScanCountingMongo() {
        use(backend.scanCountingDatabase(mongo));
    }

    void use(MongoTemplate template) {
        this.template = template;
        progress = new ProjectionProgress(template, "view");
    }

    static ConsumerRecord<String, byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>("events", partition, offset, "key", new byte[0]);
    }

    @Test
    void storesTheOffsetAfterTheLastRecordOfEachPartition() {
        progress.save(List.of(record(0, 4), record(1, 9), record(0, 5), record(0, 6)));

        assertThat(progress.positions(List.of(
                        new TopicPartition("events", 0),
                        new TopicPartition("events", 1),
                        new TopicPartition("events", 2))))
                .containsEntry(new TopicPartition("events", 0), 7L)
                .containsEntry(new TopicPartition("events", 1), 10L)
                .doesNotContainKey(new TopicPartition("events", 2));
    }

    @Test
    void seeksToTheStoredOffsetOrToTheBeginningWhenNothingIsStored() {
        progress.save(List.of(record(0, 41)));
        var callback = mock(ConsumerSeekCallback.class);

        progress.seek(List.of(new TopicPartition("events", 0), new TopicPartition("events", 1)), callback);

        verify(callback).seek("events", 0, 42L);
        verify(callback).seekToBeginning("events", 1);
        verifyNoMoreInteractions(callback);
    }

    @Test
    void projectionsKeepProgressOfTheirOwn() {
        progress.save(List.of(record(0, 1)));

        var other = new ProjectionProgress(template, "other-view");

        assertThat(other.positions(List.of(new TopicPartition("events", 0)))).isEmpty();
    }

    @Test
    void neitherReadingNorSavingScans() {
        onScanCountingMongo();
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        for (int i = 0; i < 50; i++) {
            records.add(record(i % 6, i));
        }
        progress.save(records);
        mongo.forgetScans();

        progress.save(records);
        progress.positions(List.of(new TopicPartition("events", 0), new TopicPartition("events", 5)));

        assertThat(mongo.scansOf(ProjectionProgress.COLLECTION)).isEmpty();
    }
}
