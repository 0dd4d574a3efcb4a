package pos.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend, made to keep what it acknowledged. The stock backend opens its MVStore with the
 * defaults: changes stay in memory until a background thread commits them to the file about once a second, so
 * a process killed in that second loses writes whose replies were already sent (issue 18). Here the background
 * commit is off and every command that changed something commits before its reply goes out: once a client has an
 * answer, its write is in the file (the operating system's page cache), which survives the death of this process.
 * A power cut is another matter: nothing is fsynced.
 * <p>
 * A commit writes a consistent cut of all maps, so no command may be half-applied while one runs (a document
 * stored but not yet in its unique index would be a corrupt file after a crash): commands run under a shared lock,
 * the commit under the exclusive one. Commands that finish while a commit runs are all written by the next one
 * (group commit), so concurrent writers share the cost. With no background thread there is no automatic
 * compaction either: {@link #housekeeping()} does it under the same lock, called from a timer.
 * <p>
 * Values are stored as BSON ({@link BsonValueType}), not with H2's default Java serialization. A file written
 * before (by an earlier version, or by the stock backend) is converted once when it is opened.
 */
final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
    /** Present, with this value, in every file whose maps are stored as BSON. */
    private static final String FORMAT_MAP = "pos.storage-format";

    private static final String FORMAT = "bson-1";

    /**
     * Chunks with less live data than this share are rewritten by {@link #housekeeping()}, at most
     * {@link #COMPACT_BYTES} a pass. Compaction holds the exclusive lock, so every command waits for it: under order
     * load a pass at 80 % and 8 MB took 5 % of the stack's CPU samples and showed as MongoDB calls of 0.3 s. At half
     * full the file is at most about twice its live data, and a pass is a quarter as long
     * (EmbeddedMongoDurabilityTest keeps the file bounded).
     */
    private static final int TARGET_FILL_RATE = 50;

    private static final int COMPACT_BYTES = 2 * 1024 * 1024;
    /**
     * How long freed chunks are kept before their space is reused (H2's default is 45 s). Shorter keeps the file
     * smaller under a commit per write; no command reads an older version meanwhile, as none runs during a commit.
     */
    private static final int RETENTION_MILLIS = 5_000;
    /**
     * A commit writes every page it changed in full, so pages smaller than H2's default for a file store (16 KB)
     * make a commit cheaper and the file grow less: about half the cost per write in DurableCommitBenchmark.
     */
    static final int PAGE_SPLIT_SIZE = 4 * 1024;

    private final MVStore store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend open(String fileName) {
        return open(fileName, PAGE_SPLIT_SIZE);
    }

    /** With pages split at {@code pageSplitSize} bytes: a commit writes every page it changed, whole. */
    static DurableH2Backend open(String fileName, int pageSplitSize) {
        return open(fileName, pageSplitSize, RETENTION_MILLIS);
    }

    /** Freed chunks kept {@code retentionMillis} before their space is reused: tests see reuse without waiting. */
    static DurableH2Backend open(String fileName, int pageSplitSize, int retentionMillis) {
        var store = new MVStore.Builder()
                .fileName(fileName)
                .autoCommitDisabled()
                .pageSplitSize(pageSplitSize)
                .open();
        store.setRetentionTime(retentionMillis);
        convertToBson(store);
        // the superclass constructor opens the existing databases: their maps must already be open as BSON
        store.getMapNames().forEach(name -> BsonH2Database.openMap(store, name));
        return new DurableH2Backend(store);
    }

    /** Rewrites every map of a file written with H2's default types (Java serialization) as BSON, in one commit. */
    private static void convertToBson(MVStore store) {
        var format = BsonH2Database.openMap(store, FORMAT_MAP);
        if (FORMAT.equals(format.get("format"))) {
            return;
        }
        var legacy = store.getMapNames().stream()
                .filter(name -> !name.equals(FORMAT_MAP))
                .toList();
        for (String name : legacy) {
            MVMap<Object, Object> old = store.openMap(name);
            var converted = BsonH2Database.openMap(store, "converting." + name);
            converted.clear();
            old.forEach(converted::put);
            store.removeMap(old);
            store.renameMap(converted, name);
        }
        format.put("format", FORMAT);
        store.commit();
        if (!legacy.isEmpty()) {
            log.info("Converted the embedded MongoDB data file to BSON storage ({} maps)", legacy.size());
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return BsonH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Commands that never change what is stored. They take no lock: the lock keeps a commit from writing a command
     * half-applied, which a read cannot be, and the MVStore reads consistently beside a commit (the stock backend
     * commits from a background thread beside every command). Isolation between a read and a write of one
     * collection stays mongo-java-server's own (its collections synchronise both). So a read never waits for
     * someone else's commit or compaction, as under order load it did for up to 0.45 s.
     */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of(
            "find",
            "getMore",
            "count",
            "distinct",
            "killCursors",
            "hello",
            "isMaster",
            "ismaster",
            "ping",
            "buildInfo",
            "buildinfo",
            "listIndexes",
            "listCollections",
            "listDatabases",
            "endSessions",
            "dbStats",
            "collStats",
            "serverStatus",
            "getParameter",
            "whatsmyuri",
            "connectionStatus");

    static boolean isReadOnly(String command, Document query) {
        if (READ_ONLY_COMMANDS.contains(command)) {
            return true;
        }
        if (!"aggregate".equals(command) || !(query.get("pipeline") instanceof List<?> pipeline)) {
            return false;
        }
        return pipeline.stream()
                .noneMatch(stage -> stage instanceof Document document
                        && (document.containsKey("$out") || document.containsKey("$merge")));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (isReadOnly(command, query)) {
            return super.handleCommand(channel, database, command, query);
        }
        var shared = lock.readLock();
        shared.lock();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            shared.unlock();
            // also after a failed command: a bulk write that failed half-way acknowledged the part it applied
            commitIfChanged();
        }
    }

    /** Runs {@code action} holding the lock a commit holds: tests stand in for a long commit with it. */
    void exclusively(Runnable action) {
        var exclusive = lock.writeLock();
        exclusive.lock();
        try {
            action.run();
        } finally {
            exclusive.unlock();
        }
    }

    /** Writes every change made so far to the file; returns at once when an earlier commit already did. */
    void commitIfChanged() {
        if (!store.hasUnsavedChanges()) {
            return;
        }
        var exclusive = lock.writeLock();
        exclusive.lock();
        try {
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
        } finally {
            exclusive.unlock();
        }
    }

    /** Rewrites mostly-empty chunks so the file does not grow without bound, then commits that. */
    void housekeeping() {
        var exclusive = lock.writeLock();
        exclusive.lock();
        try {
            if (store.compact(TARGET_FILL_RATE, COMPACT_BYTES)) {
                store.commit();
            }
        } finally {
            exclusive.unlock();
        }
    }

    @Override
    public void close() {
        var exclusive = lock.writeLock();
        exclusive.lock();
        try {
            super.close();
        } finally {
            exclusive.unlock();
        }
    }
}
