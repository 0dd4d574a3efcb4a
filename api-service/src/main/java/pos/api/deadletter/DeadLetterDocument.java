package pos.api.deadletter;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One record of a dead-letter topic, as the operator sees and handles it: where it came from, why it failed (from
 * spring-kafka's {@code kafka_dlt-*} headers), the original key, value and headers to re-drive, and what was done
 * about it. The id is the record's place on its dead-letter topic, so projecting it twice inserts it once.
 */
@Document(DeadLetterDocument.COLLECTION)
record DeadLetterDocument(
        @Id String id,
        String deadLetterTopic,
        String topic,
        int partition,
        long offset,
        byte[] key,
        byte[] value,
        List<HeaderBytes> headers,
        String exception,
        String message,
        String cause,
        Instant deadLetteredAt,
        String redriveOf,
        String status,
        String handledBy,
        Instant handledAt,
        String reason) {

    static final String COLLECTION = "dead_letters";

    /** A header exactly as it was on the original record. */
    record HeaderBytes(String key, byte[] value) {}
}
