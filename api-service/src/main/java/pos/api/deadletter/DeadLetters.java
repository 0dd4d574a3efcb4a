package pos.api.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import pos.api.deadletter.domain.DeadLetterRules;
import pos.api.deadletter.domain.DeadLetterStatus;
import pos.api.web.ApiException;
import pos.streams.topics.TopicsProperties;

/**
 * The operator's dead-letter actions. Each one moves an open dead letter on with a compare-and-set on its status
 * (so two operators, or two API instances, never re-drive one twice), is logged with who, what and why, and is
 * counted in {@code pos_dead_letters_handled_total{action, topic}}. A re-drive whose send fails puts the dead
 * letter back to open.
 */
@Service
class DeadLetters {

    static final String NOT_FOUND = "Dead letter not found";
    static final String HANDLED = "pos.dead.letters.handled";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int REDRIVE_BATCH = 100;

    private final MongoTemplate mongo;
    private final DeadLetterRedrives redrives;
    private final MeterRegistry meters;
    private final TopicsProperties topics;
    private final Clock clock = Clock.systemUTC();

    DeadLetters(MongoTemplate mongo, DeadLetterRedrives redrives, MeterRegistry meters, TopicsProperties topics) {
        this.mongo = mongo;
        this.redrives = redrives;
        this.meters = meters;
        this.topics = topics;
        mongo.indexOps(DeadLetterDocument.class)
                .createIndex(new Index()
                        .on("topic", Sort.Direction.ASC)
                        .on("status", Sort.Direction.ASC)
                        .named("dead_letters_topic_status"));
    }

    List<DeadLetterDocument> list(Optional<String> topic, int skip, int limit) {
        return mongo.find(
                byTopic(topic)
                        .with(Sort.by(Sort.Direction.DESC, "deadLetteredAt", "_id"))
                        .skip(skip)
                        .limit(limit),
                DeadLetterDocument.class);
    }

    long count(Optional<String> topic) {
        return mongo.count(byTopic(topic), DeadLetterDocument.class);
    }

    DeadLetterDocument get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    DeadLetterDocument redrive(String id, String by) {
        var deadLetter = get(id);
        DeadLetterRules.redriveRefusal(
                        status(deadLetter), deadLetter.deadLetteredAt(), clock.instant(), topics.deadLetterRetention())
                .ifPresent(refusal -> {
                    throw ApiException.conflict(refusal);
                });
        return redriveOpen(deadLetter, by)
                .orElseThrow(() -> ApiException.conflict(
                        "Dead letter already " + status(get(id)).wireName()));
    }

    /** Re-drives every open dead letter of one source topic, oldest first; returns how many. */
    int redriveAll(String topic, String by) {
        int count = 0;
        Instant oldest = clock.instant().minus(topics.deadLetterRetention());
        while (true) {
            var batch = mongo.find(
                    Query.query(Criteria.where("topic")
                                    .is(topic)
                                    .and("status")
                                    .is(DeadLetterStatus.OPEN.wireName())
                                    .and("deadLetteredAt")
                                    .gte(oldest))
                            .with(Sort.by("deadLetteredAt", "_id"))
                            .limit(REDRIVE_BATCH),
                    DeadLetterDocument.class);
            int before = count;
            for (var deadLetter : batch) {
                count += redriveOpen(deadLetter, by).isPresent() ? 1 : 0;
            }
            if (batch.size() < REDRIVE_BATCH || count == before) {
                return count;
            }
        }
    }

    DeadLetterDocument discard(String id, String reason, String by) {
        var deadLetter = get(id);
        DeadLetterRules.discardRefusal(status(deadLetter)).ifPresent(refusal -> {
            throw ApiException.conflict(refusal);
        });
        var discarded = handle(id, DeadLetterStatus.DISCARDED, by, reason)
                .orElseThrow(() -> ApiException.conflict(
                        "Dead letter already " + status(get(id)).wireName()));
        log.info(
                "Dead letter {} ({}-{}@{}) discarded by {}: {}",
                id,
                discarded.topic(),
                discarded.partition(),
                discarded.offset(),
                by,
                reason);
        count("discard", discarded.topic());
        return discarded;
    }

    private Optional<DeadLetterDocument> redriveOpen(DeadLetterDocument deadLetter, String by) {
        if (DeadLetterTopics.source(deadLetter.topic()).isEmpty()) {
            // the original topic comes from a header: never publish where the system does not consume
            throw ApiException.conflict("Dead letter names no topic it can be re-driven to: " + deadLetter.topic());
        }
        var claimed = handle(deadLetter.id(), DeadLetterStatus.REDRIVEN, by, null);
        if (claimed.isEmpty()) {
            return claimed;
        }
        try {
            redrives.send(deadLetter, by);
        } catch (RuntimeException e) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(deadLetter.id())),
                    new Update()
                            .set("status", DeadLetterStatus.OPEN.wireName())
                            .unset("handledBy")
                            .unset("handledAt"),
                    DeadLetterDocument.class);
            throw e;
        }
        log.info(
                "Dead letter {} ({}-{}@{}) re-driven to {} by {}",
                deadLetter.id(),
                deadLetter.topic(),
                deadLetter.partition(),
                deadLetter.offset(),
                deadLetter.topic(),
                by);
        count("redrive", deadLetter.topic());
        return claimed;
    }

    /** Open to {@code status}, only if still open: the compare-and-set two operators cannot both win. */
    private Optional<DeadLetterDocument> handle(String id, DeadLetterStatus status, String by, String reason) {
        var update = new Update()
                .set("status", status.wireName())
                .set("handledBy", by)
                .set("handledAt", clock.instant());
        if (reason != null) {
            update.set("reason", reason);
        }
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("status").is(DeadLetterStatus.OPEN.wireName())),
                update,
                FindAndModifyOptions.options().returnNew(true),
                DeadLetterDocument.class));
    }

    private Optional<DeadLetterDocument> find(String id) {
        return DeadLetterRules.isWellFormedId(id)
                ? Optional.ofNullable(mongo.findById(id, DeadLetterDocument.class))
                : Optional.empty();
    }

    private static Query byTopic(Optional<String> topic) {
        return topic.map(t -> Query.query(Criteria.where("topic").is(t))).orElseGet(Query::new);
    }

    static DeadLetterStatus status(DeadLetterDocument deadLetter) {
        return DeadLetterStatus.valueOf(deadLetter.status().toUpperCase(java.util.Locale.ROOT));
    }

    private void count(String action, String topic) {
        Counter.builder(HANDLED)
                .description("Dead letters re-driven or discarded by an operator")
                .tag("action", action)
                .tag("topic", DeadLetterTopics.source(topic).orElse("other"))
                .register(meters)
                .increment();
    }
}
