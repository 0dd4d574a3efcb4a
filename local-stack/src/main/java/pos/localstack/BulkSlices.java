package pos.localstack;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A bulk write (insert, update or delete command) applied as consecutive commands of a few statements each, with
 * one reply that is what mongo-java-server answers for the whole bulk: counts summed, and the positions in
 * {@code writeErrors} and {@code upserted} those of the whole bulk. An ordered insert stops at the first slice that
 * failed, as it stops at the first failed document; updates go on past a failed statement, as mongo-java-server's
 * do.
 */
final class BulkSlices {

    /** The field that holds a bulk command's statements. */
    private static final Map<String, String> STATEMENTS = Map.of(
            "insert", "documents",
            "update", "updates",
            "delete", "deletes");

    private BulkSlices() {}

    /** The statements of an insert, update or delete command; empty for any other command. */
    static List<?> statementsOf(String command, Document query) {
        var field = STATEMENTS.get(command);
        return field != null && query.get(field) instanceof List<?> statements ? statements : List.of();
    }

    /** Applies the command {@code sliceSize} statements at a time through {@code apply}; the whole bulk's reply. */
    static Document run(String command, Document query, int sliceSize, UnaryOperator<Document> apply) {
        var field = STATEMENTS.get(command);
        var statements = statementsOf(command, query);
        boolean stopAtFirstError = "insert".equals(command) && Utils.isTrue(query.get("ordered"));
        long n = 0;
        long modified = 0;
        var upserted = new ArrayList<Document>();
        var writeErrors = new ArrayList<Document>();
        for (int from = 0; from < statements.size(); from += sliceSize) {
            var slice = new Document();
            slice.putAll(query);
            slice.put(field, List.copyOf(statements.subList(from, Math.min(statements.size(), from + sliceSize))));
            var reply = apply.apply(slice);
            if (!isOk(reply)) {
                return reply;
            }
            n += number(reply.get("n"));
            modified += number(reply.get("nModified"));
            upserted.addAll(shifted(reply.get("upserted"), from));
            var errors = shifted(reply.get("writeErrors"), from);
            writeErrors.addAll(errors);
            if (stopAtFirstError && !errors.isEmpty()) {
                break;
            }
        }
        var reply = new Document();
        // mongo-java-server counts every document of an insert command, inserted or not
        reply.put("n", Math.toIntExact("insert".equals(command) ? statements.size() : n));
        if ("update".equals(command)) {
            reply.put("nModified", Math.toIntExact(modified));
            if (!upserted.isEmpty()) {
                reply.put("upserted", upserted);
            }
        }
        if (!writeErrors.isEmpty()) {
            reply.put("writeErrors", writeErrors);
        }
        Utils.markOkay(reply);
        return reply;
    }

    private static boolean isOk(Document reply) {
        return reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** Copies of the entries of a {@code writeErrors} or {@code upserted} list, their index moved by {@code by}. */
    private static List<Document> shifted(Object entries, int by) {
        if (!(entries instanceof List<?> list)) {
            return List.of();
        }
        var moved = new ArrayList<Document>(list.size());
        for (Object entry : list) {
            var copy = new Document();
            copy.putAll((Document) entry);
            copy.put("index", Math.toIntExact(number(copy.get("index")) + by));
            moved.add(copy);
        }
        return moved;
    }
}
