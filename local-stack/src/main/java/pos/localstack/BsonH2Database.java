package pos.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
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

    /** Opens (or creates) the map of this name with BSON keys and values. */
    static MVMap<Object, Object> openMap(MVStore store, String name) {
        return store.openMap(
                name,
                new MVMap.Builder<Object, Object>()
                        .keyType(BsonValueType.INSTANCE)
                        .valueType(BsonValueType.INSTANCE));
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        openMap(store(), "databases." + namespace);
        openMap(store(), "meta." + namespace);
        return super.openOrCreateCollection(collectionName, options);
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
        openMap(store(), getFullCollectionNamespace(collectionName) + "._index_" + indexName);
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }
}
