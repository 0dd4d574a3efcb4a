package pos.streams.state;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.springframework.util.unit.DataSize;

/**
 * Puts every RocksDB state store of the JVM under one memory budget (Kafka Streams' "bounded memory" recipe). By
 * default each store instance, one per store and partition (the ledger alone has 30), gets its own 50 MB block cache
 * and up to three 16 MB memtables, and keeps its index and filter blocks on the heap outside any cache, so the
 * processors' memory grows with the partitions, the stores and the data stored. Here all of them share one LRU
 * cache of {@value #MEMORY_BYTES_CONFIG} bytes, which also holds the memtables (a write buffer manager charges them
 * to the cache, {@value #MEMTABLE_BYTES_CONFIG} of it at most) and the index and filter blocks.
 *
 * <p>The cache is one per JVM, sized from the first store opened: the local stack's two processors share it.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Block cache, memtables, index and filter blocks of every store of this JVM together. */
    public static final String MEMORY_BYTES_CONFIG = "pos.rocksdb.memory-bytes";
    /** The memtables' share of {@link #MEMORY_BYTES_CONFIG}. */
    public static final String MEMTABLE_BYTES_CONFIG = "pos.rocksdb.memtable-bytes";

    static final long DEFAULT_MEMORY_BYTES = 64L << 20;
    static final long DEFAULT_MEMTABLE_BYTES = 16L << 20;
    private static final long MEMTABLE_SIZE_BYTES = 4L << 20;
    private static final int MEMTABLES_PER_STORE = 2;
    /** Index and filter blocks go to the high-priority pool, so data blocks cannot push them out. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    private static SharedMemory shared;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedMemory memory = sharedMemory(configs);
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(MEMTABLE_SIZE_BYTES);
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setTableFormatConfig(table);
    }

    /** The cache and the write buffer manager are shared by every store, so closing one store keeps them. */
    @Override
    public void close(String storeName, Options options) {}

    static synchronized SharedMemory sharedMemory(Map<String, Object> configs) {
        if (shared == null) {
            Budget budget = Budget.of(configs);
            var cache = new LRUCache(budget.memoryBytes(), -1, false, INDEX_AND_FILTER_SHARE);
            shared = new SharedMemory(cache, new WriteBufferManager(budget.memtableBytes(), cache), budget);
        }
        return shared;
    }

    record Budget(long memoryBytes, long memtableBytes) {

        static Budget of(Map<String, ?> configs) {
            long memory = bytes(configs, MEMORY_BYTES_CONFIG, DEFAULT_MEMORY_BYTES);
            long memtables = bytes(configs, MEMTABLE_BYTES_CONFIG, DEFAULT_MEMTABLE_BYTES);
            if (memtables >= memory) {
                throw new IllegalArgumentException(MEMTABLE_BYTES_CONFIG + " (" + memtables + ") must be less than "
                        + MEMORY_BYTES_CONFIG + " (" + memory + ")");
            }
            return new Budget(memory, memtables);
        }

        private static long bytes(Map<String, ?> configs, String name, long defaultValue) {
            Object value = configs.get(name);
            if (value == null || value.toString().isBlank()) {
                return defaultValue;
            }
            long bytes;
            try {
                bytes = value instanceof Number number
                        ? number.longValue()
                        : DataSize.parse(value.toString().trim()).toBytes();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        name + " must be a size such as 64MB or a number of bytes, not '" + value + "'", e);
            }
            if (bytes <= 0) {
                throw new IllegalArgumentException(name + " must be positive, not " + bytes);
            }
            return bytes;
        }
    }

    record SharedMemory(Cache cache, WriteBufferManager writeBuffers, Budget budget) {}
}
