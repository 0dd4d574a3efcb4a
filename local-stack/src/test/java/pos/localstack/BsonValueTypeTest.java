package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BsonValueTypeTest {

    private final BsonValueType type = BsonValueType.INSTANCE;

    static Stream<Object> values() {
        var order = new Document("_id", "order-1")
                .append("store_id", "s-1")
                .append("sequence", 7L)
                .append("total", new Decimal128(new BigDecimal("12.50")))
                .append("at", Instant.parse("2026-12-04T18:00:00Z"))
                .append("lines", List.of(new Document("product_id", "p-1").append("qty", 2), new Document("qty", 1.5)))
                .append("paid", true)
                .append("note", null);
        return Stream.of(
                "text",
                "",
                42,
                42L,
                2.5,
                true,
                Instant.parse("2026-12-04T18:00:00.123Z"),
                new ObjectId(),
                UUID.randomUUID(),
                new Decimal128(new BigDecimal("0.10")),
                null,
                Missing.getInstance(),
                order,
                List.of("a", 1, List.of()),
                new KeyValue("s-1", 7L),
                new KeyValue(Missing.getInstance()),
                new KeyValue((Object) null),
                new KeyValue(order));
    }

    @ParameterizedTest
    @MethodSource("values")
    void readsBackWhatItWrote(Object value) {
        assertThat(roundTrip(value)).isEqualTo(value);
    }

    @Test
    void readsValuesWrittenOneAfterAnotherInOneBuffer() {
        var buffer = new WriteBuffer();
        var written = values().toList();
        written.forEach(value -> type.write(buffer, value));
        var bytes = buffer.getBuffer().flip();
        var read = written.stream().map(value -> type.read(bytes)).toList();
        assertThat(read).isEqualTo(written);
        assertThat(bytes.hasRemaining()).isFalse();
    }

    @Test
    void aLargeValueBetweenSmallOnesLeavesNothingBehindInTheNextWrite() {
        var small = new de.bwaldvogel.mongo.bson.Document("_id", "a").append("n", 1);
        var large = new de.bwaldvogel.mongo.bson.Document("_id", "b").append("text", "x".repeat(200_000));
        var other = new de.bwaldvogel.mongo.bson.Document("_id", "c");
        var buffer = new WriteBuffer();
        List.of(small, large, other, small).forEach(value -> type.write(buffer, value));
        var bytes = buffer.getBuffer().flip();
        assertThat(List.of(type.read(bytes), type.read(bytes), type.read(bytes), type.read(bytes)))
                .containsExactly(small, large, other, small);
        assertThat(bytes.hasRemaining()).isFalse();
    }

    @Test
    void comparesStringsObjectIdsAndIntegersExactlyAsMongoJavaServerDoes() {
        var mongoOrder = de.bwaldvogel.mongo.backend.ValueComparator.asc();
        var values = List.<Object>of(
                "",
                "a",
                "b",
                "B",
                "ab",
                "a/10",
                "a/9",
                "é",
                "\uD83D\uDE00",
                "\uFFFF",
                0L,
                -1L,
                1L,
                9L,
                10L,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                0,
                -1,
                1,
                10,
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                1.5,
                new de.bwaldvogel.mongo.bson.ObjectId("65e000000000000000000001"),
                new de.bwaldvogel.mongo.bson.ObjectId("65e000000000000000000002"),
                new de.bwaldvogel.mongo.bson.ObjectId("ffe000000000000000000001"));
        for (Object a : values) {
            for (Object b : values) {
                assertThat(Integer.signum(type.compare(a, b)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(mongoOrder.compare(a, b)));
            }
        }
    }

    @Test
    void ordersKeysAsMongoDbDoes() {
        assertThat(type.compare("a", "b")).isNegative();
        assertThat(type.compare(2, 10)).isNegative();
        assertThat(type.compare(1, 1L)).isZero();
        assertThat(type.compare(new KeyValue("s-1", 2L), new KeyValue("s-1", 10L)))
                .isNegative();
        assertThat(type.compare(new KeyValue("s-1", 10L), new KeyValue("s-1", 10L)))
                .isZero();
        assertThat(type.compare(new KeyValue("s-1"), new KeyValue("s-1", 1L))).isNegative();
        var keys = new Object[] {new KeyValue("b"), new KeyValue("a", 2), new KeyValue("a", 1)};
        Arrays.sort(keys, type);
        assertThat(keys).containsExactly(new KeyValue("a", 1), new KeyValue("a", 2), new KeyValue("b"));
    }

    @Test
    void estimatesMoreMemoryForLargerDocuments() {
        var small = new Document("_id", "x");
        var large = new Document("_id", "x").append("name", "n".repeat(500)).append("lines", List.of(1, 2, 3));
        assertThat(type.getMemory(large)).isGreaterThan(type.getMemory(small) + 500);
    }

    private Object roundTrip(Object value) {
        var buffer = new WriteBuffer();
        type.write(buffer, value);
        return type.read(buffer.getBuffer().flip());
    }
}
