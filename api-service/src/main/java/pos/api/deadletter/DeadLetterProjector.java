package pos.api.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import pos.api.deadletter.domain.DeadLetterRules;
import pos.api.deadletter.domain.DeadLetterStatus;

/**
 * Copies every record of the dead-letter topics into {@code dead_letters}, open, once: the id is the record's
 * place on its dead-letter topic and an insert of a known id changes nothing, so a redelivered record neither
 * duplicates an entry nor reopens one an operator handled. One consumer group for all API instances.
 */
@Component
class DeadLetterProjector {

    /** Marks a record the API re-drove; its value is the id of the dead letter it came from. */
    static final String REDRIVE_OF = "pos-redrive-of";

    private static final String DLT_PREFIX = "kafka_dlt-";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProjector.class);

    private final MongoTemplate mongo;

    DeadLetterProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @KafkaListener(
            id = "dead-letter-projector",
            groupId = "api-service.dead-letters",
            topics = "#{T(pos.api.deadletter.DeadLetterTopics).names()}",
            containerFactory = DeadLetterConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<byte[], byte[]> record) {
        var document = toDocument(record);
        try {
            mongo.insert(document);
            log.warn(
                    "Dead letter {}: {}-{}@{} failed with {}: {}",
                    document.id(),
                    document.topic(),
                    document.partition(),
                    document.offset(),
                    document.exception(),
                    document.message());
        } catch (DuplicateKeyException alreadyThere) {
            log.debug("Dead letter {} already recorded", document.id());
        }
    }

    static DeadLetterDocument toDocument(ConsumerRecord<byte[], byte[]> record) {
        var headers = new ArrayList<DeadLetterDocument.HeaderBytes>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_PREFIX)) {
                headers.add(new DeadLetterDocument.HeaderBytes(header.key(), header.value()));
            }
        }
        String topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Long partition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, Integer.BYTES);
        Long offset = number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, Long.BYTES);
        return new DeadLetterDocument(
                DeadLetterRules.id(record.topic(), record.partition(), record.offset()),
                record.topic(),
                topic == null ? DeadLetterTopics.sourceOf(record.topic()) : topic,
                partition == null ? -1 : partition.intValue(),
                offset == null ? -1 : offset,
                record.key(),
                record.value(),
                headers,
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                Instant.ofEpochMilli(record.timestamp()),
                text(record, REDRIVE_OF),
                DeadLetterStatus.OPEN.wireName(),
                null,
                null,
                null);
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(ConsumerRecord<?, ?> record, String name, int size) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length != size) {
            return null;
        }
        var buffer = ByteBuffer.wrap(header.value());
        return size == Integer.BYTES ? buffer.getInt() : buffer.getLong();
    }
}
