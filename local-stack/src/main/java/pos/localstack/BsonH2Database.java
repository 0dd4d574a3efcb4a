package pos.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with every map it opens stored as BSON ({@link BsonValueType}). The stock
 * database opens its maps by name with H2's default types; MVStore hands out a map that is already open as it is,
 * so opening each map here first, with the BSON types and under the same name, is all it takes.
 *
 * <p>Its collections hold each document as its stored bytes ({@link BsonH2Collection}).
 *
 * <p>Its secondary (non-unique) indexes are not built at all, as in the stock database, but without reading every
 * document for each of them when a data file is opened ({@link Unbuilt}).
 */
final class BsonH2Database extends H2Database {

    /** The store while the superclass constructor runs: it opens the existing collections before this class's fields are set. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private BsonH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static BsonH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new BsonH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    /** The prefix of the maps that hold a collection's documents, keyed by id (the stock database's). */
    private static final String DOCUMENTS_PREFIX = "databases.";

    /**
     * Opens (or creates) the map of this name with BSON keys and values: a collection's documents held as their
     * stored bytes ({@link EncodedDocumentType}), everything else decoded.
     */
    static MVMap<Object, Object> openMap(MVStore store, String name) {
        return openMap(store, name, name);
    }

    /** {@code value} as a map of this name holds it: a document of a collection as its stored bytes. */
    static Object storedValue(String mapName, Object value) {
        return mapName.startsWith(DOCUMENTS_PREFIX) && !(value instanceof byte[])
                ? BsonValueType.toBytes(value)
                : value;
    }

    /** {@link #openMap(MVStore, String)} for a map that will be renamed to {@code finalName}: typed for that name. */
    static MVMap<Object, Object> openMap(MVStore store, String name, String finalName) {
        return store.openMap(
                name,
                new MVMap.Builder<Object, Object>()
                        .keyType(BsonValueType.INSTANCE)
                        .valueType(
                                finalName.startsWith(DOCUMENTS_PREFIX)
                                        ? EncodedDocumentType.INSTANCE
                                        : BsonValueType.INSTANCE));
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new BsonH2Collection(
                this,
                collectionName,
                options,
                openMap(store(), DOCUMENTS_PREFIX + namespace),
                openMap(store(), "meta." + namespace),
                cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new Unbuilt(indexName, keys);
    }

    /**
     * A secondary index mongo-java-server does not implement: it holds nothing and serves no query, like the stock
     * database's {@link EmptyIndex}. But an empty index added to a collection is filled by reading every document
     * twice, even one that takes nothing, and the stock database adds each of them again whenever a data file is
     * opened: with the orders' four such indexes a restart read 200,000 orders eight times (about 25 s of a 47 s
     * restart). Reporting this one as not empty skips that.
     */
    static final class Unbuilt extends EmptyIndex<Object> {

        Unbuilt(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        if (isImpliedById(keys)) {
            // a file written before this index was left unbuilt still has its map: its space is freed at the next
            // commit
            if (store().hasMap(mapName)) {
                store().removeMap(mapName);
            }
            return new Unbuilt(indexName, keys);
        }
        openMap(store(), mapName);
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    /**
     * Whether a unique index on these keys is implied by the {@code _id} index: keys that begin with {@code _id}
     * (and are more than it). Such an index refuses no document the {@code _id} index lets through, as no two
     * documents share an {@code _id}, and serves no query faster, as this database's collections look up any query
     * that names an {@code _id} through the {@code _id} index ({@link BsonH2Collection}). So it is not kept: the read
     * models' version guards ({@code (_id, version)}, which keep a guarded write from scanning on the stock database)
     * cost every update of an order or a stock level two more index writes and their pages in every commit.
     */
    static boolean isImpliedById(List<IndexKey> keys) {
        return keys.size() > 1 && Constants.ID_FIELD.equals(keys.get(0).getKey());
    }
}
