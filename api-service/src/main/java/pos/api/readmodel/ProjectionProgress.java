package pos.api.readmodel;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

/**
 * Where a projector is in its topic, kept in the same database as the read model it writes (collection
 * {@code projection_progress}, one document per partition) and written only after that read model's writes for
 * the same records were acknowledged. A restarted projector resumes from here, not from its Kafka consumer
 * offsets: a database that lost its last writes (a crash of the local stack's embedded MongoDB before issue 18,
 * an unjournaled or restored MongoDB) lost the progress written after them too, so the projector projects those
 * records again instead of skipping them. Projection writes are sequence-guarded, so doing a record twice changes
 * nothing. No multi-document transaction is needed: only the order of the two acknowledged writes matters.
 * <p>
 * A partition with no stored progress (a new or wiped database) is projected from the beginning of the topic.
 * Every filter is an exact {@code _id} (or {@code _id $in}), an index lookup on MongoDB and mongo-java-server.
 */
public final class ProjectionProgress {

    static final String COLLECTION = "projection_progress";
    private static final String NEXT_OFFSET = "next_offset";

    private final MongoTemplate mongo;
    private final String projection;

    public ProjectionProgress(MongoTemplate mongo, String projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    /** Moves each assigned partition to where this projection stopped, or to its beginning if it never ran. */
    public void seek(Collection<TopicPartition> assigned, ConsumerSeekCallback callback) {
        var stored = positions(assigned);
        for (var partition : assigned) {
            var next = stored.get(partition);
            if (next == null) {
                callback.seekToBeginning(partition.topic(), partition.partition());
            } else {
                callback.seek(partition.topic(), partition.partition(), next);
            }
        }
    }

    /** The stored next offset of each partition that has one. */
    public Map<TopicPartition, Long> positions(Collection<TopicPartition> partitions) {
        var byId = new HashMap<String, TopicPartition>();
        partitions.forEach(p -> byId.put(idOf(p), p));
        var found = new HashMap<TopicPartition, Long>();
        if (byId.isEmpty()) {
            return found;
        }
        var query = Query.query(Criteria.where("_id").in(byId.keySet()));
        for (var document : mongo.find(query, Document.class, COLLECTION)) {
            if (document.get(NEXT_OFFSET) instanceof Number next) {
                found.put(byId.get(document.getString("_id")), next.longValue());
            }
        }
        return found;
    }

    /**
     * Records that every record up to and including the last of {@code records} in its partition is projected.
     * Call only once their read-model writes are acknowledged.
     */
    public void save(List<? extends ConsumerRecord<?, ?>> records) {
        var next = new LinkedHashMap<TopicPartition, Long>();
        for (var record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        if (next.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        next.forEach((partition, offset) -> bulk.upsert(
                Query.query(Criteria.where("_id").is(idOf(partition))), new Update().set(NEXT_OFFSET, offset)));
        bulk.execute();
    }

    private String idOf(TopicPartition partition) {
        return projection + "/" + partition.topic() + "/" + partition.partition();
    }
}
