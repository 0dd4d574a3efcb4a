package pos.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class BoundedRocksDbMemoryTest {

    @Test
    void everyStoreGetsTheSharedCacheAndWriteBufferManager() {
        var setter = new BoundedRocksDbMemory();
        try (var first = new Options();
                var second = new Options()) {
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());

            setter.setConfig("stock", first, Map.of());
            setter.setConfig("orders", second, Map.of());

            var shared = BoundedRocksDbMemory.sharedMemory(Map.of());
            for (Options options : new Options[] {first, second}) {
                assertThat(options.writeBufferManager()).isSameAs(shared.writeBuffers());
                assertThat(options.writeBufferSize()).isEqualTo(4L << 20);
                assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
                var table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            }
            setter.close("stock", first);
            assertThat(shared.cache().isOwningHandle())
                    .as("closing one store keeps the shared cache")
                    .isTrue();
        }
    }

    @Test
    void bothProcessorsInstallItThroughTheirSharedProperties() throws Exception {
        var properties = new Properties();
        try (var in = getClass().getResourceAsStream("/streams-processor.properties")) {
            properties.load(in);
        }

        assertThat(properties.getProperty("spring.kafka.streams.properties.rocksdb.config.setter"))
                .isEqualTo(BoundedRocksDbMemory.class.getName());
        assertThat(properties.getProperty(
                        "spring.kafka.streams.properties." + BoundedRocksDbMemory.MEMORY_BYTES_CONFIG))
                .isEqualTo("${POS_ROCKSDB_MEMORY:64MB}");
    }

    @Test
    void theBudgetDefaultsTo64MiBWith16MiBOfMemtables() {
        assertThat(BoundedRocksDbMemory.Budget.of(Map.of()))
                .isEqualTo(new BoundedRocksDbMemory.Budget(64L << 20, 16L << 20));
    }

    @Test
    void theBudgetIsReadFromTheStreamsConfigAsStringsOrNumbers() {
        var budget = BoundedRocksDbMemory.Budget.of(Map.of(
                BoundedRocksDbMemory.MEMORY_BYTES_CONFIG,
                " 256MB ",
                BoundedRocksDbMemory.MEMTABLE_BYTES_CONFIG,
                67108864L));

        assertThat(budget).isEqualTo(new BoundedRocksDbMemory.Budget(256L << 20, 64L << 20));
    }

    @Test
    void aBudgetThatIsNoNumberNotPositiveOrSmallerThanItsMemtablesIsRefusedByName() {
        assertThatThrownBy(() ->
                        BoundedRocksDbMemory.Budget.of(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "64 apples")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG)
                .hasMessageContaining("64 apples");
        assertThatThrownBy(
                        () -> BoundedRocksDbMemory.Budget.of(Map.of(BoundedRocksDbMemory.MEMTABLE_BYTES_CONFIG, "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BoundedRocksDbMemory.MEMTABLE_BYTES_CONFIG);
        assertThatThrownBy(() -> BoundedRocksDbMemory.Budget.of(Map.of(
                        BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "1048576",
                        BoundedRocksDbMemory.MEMTABLE_BYTES_CONFIG, "1048576")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be less than");
    }

    /** The setter as Streams applies it: a persistent store opens, takes writes and serves reads under it. */
    @Test
    void aPersistentStoreWorksUnderTheSetter(@TempDir Path stateDir) {
        var builder = new StreamsBuilder();
        builder.table(
                "counts",
                Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.<String, String>as(Stores.persistentKeyValueStore("counts-store"))
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.String()));
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-memory-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);

        try (var driver = new TopologyTestDriver(builder.build(), props)) {
            var input = driver.createInputTopic("counts", new StringSerializer(), new StringSerializer());
            for (int i = 0; i < 1000; i++) {
                input.pipeInput("key-" + i, "value-" + i);
            }
            KeyValueStore<String, String> store = driver.getKeyValueStore("counts-store");

            assertThat(store.get("key-0")).isEqualTo("value-0");
            assertThat(store.get("key-999")).isEqualTo("value-999");
            assertThat(store.get("key-1000")).isNull();
        }
        assertThat(BoundedRocksDbMemory.sharedMemory(Map.of()).cache().isOwningHandle())
                .isTrue();
    }
}
