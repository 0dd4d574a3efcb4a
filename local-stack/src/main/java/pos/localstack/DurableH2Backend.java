package pos.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
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
 * the commit under the exclusive one.
 * <p>
 * Commits are grouped: a command that changed something does not commit on the connection's event loop; its reply
 * is held back (a handler on the connection's pipeline) until the committer thread has committed a version that
 * includes the change, and the event loop goes on with other connections meanwhile. Every write that finished
 * while a commit ran is written by the next one, so under load one commit serves many writes (a commit was about
 * half the cost of a write, and 22 % of the whole stack's CPU under order load). With no background thread there is
 * no automatic compaction either: {@link #housekeeping()} does it under the same lock, called from a timer.
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

    private static final String HOLD_REPLIES = "pos-hold-replies-until-committed";
    private static final AttributeKey<Long> REPLY_NEEDS_COMMIT = AttributeKey.valueOf("pos-reply-needs-commit");
    /**
     * Commits begun: incremented under the exclusive lock before the commit writes anything, so a command that reads
     * it after its last change (and so after releasing the shared lock) knows the next number's commit writes it.
     */
    private final AtomicLong commitsBegun = new AtomicLong();
    /** Commits finished: a held reply whose change the {@code n}th commit wrote goes out once this reaches n. */
    private volatile long commitsDone;

    private final BlockingQueue<HeldReply> held = new LinkedBlockingQueue<>();
    private final Semaphore committerGate = new Semaphore(1);
    private final Thread committer;
    private volatile boolean open = true;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
        this.committer = new Thread(this::commitHeldReplies, "embedded-mongo-committer");
        committer.setDaemon(true);
        committer.start();
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
            var converted = BsonH2Database.openMap(store, "converting." + name, name);
            converted.clear();
            old.forEach((key, value) -> converted.put(key, BsonH2Database.storedValue(name, value)));
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
            return readingOneVersion(() -> super.handleCommand(channel, database, command, query));
        }
        try {
            var statements = BulkSlices.statementsOf(command, query);
            if (statements.size() > STATEMENTS_PER_LOCK) {
                return BulkSlices.run(
                        command,
                        query,
                        STATEMENTS_PER_LOCK,
                        slice -> underSharedLock(() -> super.handleCommand(channel, database, command, slice)));
            }
            return underSharedLock(() -> super.handleCommand(channel, database, command, query));
        } finally {
            // after the command's last change: the next commit to begin writes all of it. Also after a failed
            // command, as a bulk write that failed half-way acknowledged what it applied
            long needsCommit = commitsBegun.get() + 1;
            if (channel == null || !open) {
                commitIfChanged();
            } else {
                holdReplyUntilCommitted(channel, needsCommit);
            }
        }
    }

    /**
     * Statements of a bulk write applied under one hold of the shared lock. A commit waits for every command that
     * holds it, and commands that come after a waiting commit wait for it in turn (the lock is fair), so a bulk of
     * hundreds of statements held the lock whole (under order load about 30 ms), and every other write waited that
     * long twice: for the bulk, then for the commit. Sliced, a commit waits for one slice at most. Each statement
     * stays whole in every commit, which is all MongoDB promises of a bulk write too.
     */
    static final int STATEMENTS_PER_LOCK = 16;

    private Document underSharedLock(Supplier<Document> command) {
        var shared = lock.readLock();
        shared.lock();
        try {
            return command.get();
        } finally {
            shared.unlock();
        }
    }

    /** The reply this command is about to write waits in the connection's pipeline for commit {@code needsCommit}. */
    private void holdReplyUntilCommitted(Channel channel, long needsCommit) {
        var pipeline = channel.pipeline();
        if (pipeline.get(HOLD_REPLIES) == null) {
            // last in the pipeline: the reply, written to the channel, passes it before its encoders
            pipeline.addLast(HOLD_REPLIES, new HoldRepliesUntilCommitted());
        }
        channel.attr(REPLY_NEEDS_COMMIT).set(needsCommit);
    }

    /** Holds back a reply marked by {@link #holdReplyUntilCommitted} until its commit is done. */
    private final class HoldRepliesUntilCommitted extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext ctx, Object reply, ChannelPromise promise) {
            Long needsCommit = ctx.channel().attr(REPLY_NEEDS_COMMIT).getAndSet(null);
            if (needsCommit == null || commitsDone >= needsCommit) {
                ctx.write(reply, promise);
                return;
            }
            held.add(new HeldReply(ctx, reply, promise, needsCommit));
        }
    }

    private record HeldReply(ChannelHandlerContext ctx, Object reply, ChannelPromise promise, long needsCommit) {

        void send() {
            ctx.executor().execute(() -> ctx.writeAndFlush(reply, promise));
        }

        /** The change may not be in the file: the client must not take it as acknowledged. */
        void refuse() {
            ctx.executor().execute(() -> ctx.channel().close());
        }
    }

    /**
     * The committer: waits for a held reply, commits everything changed so far (every write that finished while the
     * previous commit ran, from every connection), then sends the replies that commit covered.
     */
    private void commitHeldReplies() {
        var batch = new ArrayList<HeldReply>();
        while (open) {
            try {
                batch.add(held.take());
                committerGate.acquire();
                try {
                    held.drainTo(batch);
                    groupCommit();
                } finally {
                    committerGate.release();
                }
                var waiting = batch.iterator();
                while (waiting.hasNext()) {
                    var reply = waiting.next();
                    if (reply.needsCommit() <= commitsDone) {
                        reply.send();
                        waiting.remove();
                    }
                }
            } catch (InterruptedException e) {
                if (!open) {
                    break;
                }
            } catch (RuntimeException e) {
                log.error(
                        "Committing the embedded MongoDB's data file failed; closing the connections waiting for it",
                        e);
                batch.forEach(HeldReply::refuse);
                batch.clear();
            }
        }
        held.drainTo(batch);
        batch.forEach(HeldReply::refuse);
    }

    /** Stops the committer until the returned hold is closed: tests see replies waiting for their commit. */
    AutoCloseable holdCommits() throws InterruptedException {
        committerGate.acquire();
        return committerGate::release;
    }

    /** Pages read from the data file so far (tests see what opening a file reads). */
    long pageReads() {
        return store.getFileStore().getReadCount();
    }

    /** The names of the maps in the data file (tests see which indexes are kept). */
    Set<String> mapNames() {
        return store.getMapNames();
    }

    /** Commits begun so far (tests count how many writes one commit served). */
    long commits() {
        return commitsBegun.get();
    }

    /** One commit, counted, even with nothing to write: held replies waiting for it may then go. */
    private void groupCommit() {
        var exclusive = lock.writeLock();
        exclusive.lock();
        try {
            long begun = commitsBegun.incrementAndGet();
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
            commitsDone = begun;
        } finally {
            exclusive.unlock();
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

    /**
     * Runs a read with the store's current version kept in use until it ends. A read takes no lock, so commits and
     * compaction go on beside it, and the pages it has not reached yet may move to new chunks; without this, the old
     * chunks were dropped once no longer live and older than the retention time (5 s), and a read longer than that
     * (the Idempotency-Key clean-up scanning a million keys) failed with "Chunk … not found". H2 drops no chunk that
     * a version in use still needs.
     */
    <T> T readingOneVersion(Supplier<T> read) {
        var usage = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(usage);
        }
    }

    /** A map of the data file as the backend opened it (tests read it as a collection's scan does). */
    MVMap<Object, Object> openedMap(String name) {
        return BsonH2Database.openMap(store, name);
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
        open = false;
        committer.interrupt();
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var exclusive = lock.writeLock();
        exclusive.lock();
        try {
            super.close();
        } finally {
            exclusive.unlock();
        }
    }
}
