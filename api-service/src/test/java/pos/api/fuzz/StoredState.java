package pos.api.fuzz;

import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Everything a request could change: every MongoDB collection of the API's database (a SHA-256 over its documents'
 * full content in _id order, plus the count) and the end offset of every partition of every topic (a command,
 * product change or any other record published moves one). No collection is left out: login throttling, the only
 * state a refused request may legitimately change, lives in memory, not in MongoDB.
 */
record StoredState(Map<String, String> collections, Map<String, Long> topicEndOffsets) {

    static StoredState capture(MongoTemplate mongo, Admin kafka) {
        var collections = new TreeMap<String, String>();
        for (String name : mongo.getDb().listCollectionNames()) {
            var digest = sha256();
            long count = 0;
            for (Document document : mongo.getDb().getCollection(name).find().sort(Sorts.ascending("_id"))) {
                digest.update(document.toJson().getBytes(StandardCharsets.UTF_8));
                count++;
            }
            collections.put(name, count + " documents, sha256 " + HexFormat.of().formatHex(digest.digest()));
        }
        return new StoredState(collections, endOffsets(kafka));
    }

    private static Map<String, Long> endOffsets(Admin kafka) {
        try {
            var topics = kafka.listTopics().names().get();
            var partitions = kafka.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
            var offsets = kafka.listOffsets(partitions).all().get();
            var result = new TreeMap<String, Long>();
            offsets.forEach((tp, info) -> result.put(tp.toString(), info.offset()));
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What differs from an earlier capture, one line per collection or partition; empty if nothing. */
    String differencesFrom(StoredState before) {
        var out = new StringBuilder();
        diff("collection", before.collections, collections, out);
        diff("topic partition", before.topicEndOffsets, topicEndOffsets, out);
        return out.toString();
    }

    private static <V> void diff(String kind, Map<String, V> before, Map<String, V> after, StringBuilder out) {
        var names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            V was = before.get(name);
            V is = after.get(name);
            if (was == null ? is != null : !was.equals(is)) {
                out.append(kind)
                        .append(' ')
                        .append(name)
                        .append(": ")
                        .append(was)
                        .append(" -> ")
                        .append(is)
                        .append('\n');
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
