package pos.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the embedded MongoDB stores documents, ids, index keys and collection metadata in its H2 file: as BSON, the
 * format MongoDB itself stores, instead of H2's default of Java serialization. H2 serializes every value of a page
 * each time it writes the page, and the durable store writes the pages a command changed before answering it, so
 * this serializer runs many times per document write: Java serialization made it the largest single cost of the
 * local stack's order path (a third of its CPU), BSON costs a small part of that.
 * <p>
 * Each value is a tag byte and its body: the BSON element type and the BSON value for everything BSON has, plus two
 * tags of our own for what only mongo-java-server's internals hold: {@link Missing} (a field that is absent, as an
 * index key) and {@link KeyValue} (an index key of one or more fields). Keys are ordered as MongoDB orders values,
 * which is also how mongo-java-server compares them, so two keys are the same map key exactly when MongoDB would
 * call them equal.
 */
final class BsonValueType extends BasicDataType<Object> {

    static final BsonValueType INSTANCE = new BsonValueType();

    private static final byte NULL = 0x0A;
    private static final byte MISSING = 0x60;
    private static final byte KEY_VALUE = 0x61;
    private static final ValueComparator ORDER = ValueComparator.asc();

    private BsonValueType() {}

    /** Above this a scratch buffer is dropped after use rather than kept: only a rare huge document needs one. */
    private static final int SCRATCH_KEPT = 64 * 1024;

    /**
     * The buffer each writing thread encodes into: a commit writes every value of every page it changed, and a new
     * buffer per value, grown while a document is encoded, cost allocations and copies on each.
     */
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    @Override
    public void write(WriteBuffer buffer, Object value) {
        var bytes = SCRATCH.get();
        bytes.clear();
        try {
            encode(value, bytes);
            buffer.put(bytes.nioBuffer());
        } finally {
            if (bytes.capacity() > SCRATCH_KEPT) {
                SCRATCH.remove();
            }
        }
    }

    /** {@code value} as this type writes it: its tag, then its BSON. */
    static byte[] toBytes(Object value) {
        var bytes = SCRATCH.get();
        bytes.clear();
        try {
            encode(value, bytes);
            var copy = new byte[bytes.readableBytes()];
            bytes.readBytes(copy);
            return copy;
        } finally {
            if (bytes.capacity() > SCRATCH_KEPT) {
                SCRATCH.remove();
            }
        }
    }

    /** The value {@link #toBytes} made these bytes of. */
    static Object fromBytes(byte[] bytes) {
        return decode(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Object read(ByteBuffer buffer) {
        var bytes = Unpooled.wrappedBuffer(buffer.slice());
        Object value = decode(bytes);
        buffer.position(buffer.position() + bytes.readerIndex());
        return value;
    }

    private static void encode(Object value, ByteBuf out) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Missing) {
            out.writeByte(MISSING);
        } else if (value instanceof KeyValue key) {
            out.writeByte(KEY_VALUE);
            out.writeIntLE(key.size());
            for (Object part : key) {
                encode(part, out);
            }
        } else {
            byte type = BsonEncoder.determineType(value);
            out.writeByte(type);
            BsonEncoder.encodeValue(type, value, out);
        }
    }

    private static Object decode(ByteBuf in) {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case MISSING -> Missing.getInstance();
            case KEY_VALUE -> {
                int size = in.readIntLE();
                var parts = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    parts.add(decode(in));
                }
                yield new KeyValue(parts);
            }
            default -> BsonDecoder.decodeValue(tag, in);
        };
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int order = compareValues(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return compareValues(a, b);
    }

    /**
     * MongoDB's order, with the keys every lookup compares (string, object and integer ids and versions) compared directly.
     * mongo-java-server's comparator first ranks both values' types by testing each against a list of classes in
     * turn; as every binary search of a page compares a key about a dozen times, that ranking was a fifth of the
     * embedded MongoDB's CPU under order load. For two strings, two object ids or two integers (32 or 64 bits) it ends in exactly these comparisons.
     */
    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer;
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof String left && b instanceof String right) {
            return left.compareTo(right);
        }
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        if (a instanceof ObjectId left && b instanceof ObjectId right) {
            return left.compareTo(right);
        }
        return ORDER.compare(a, b);
    }

    /**
     * A rough size in memory, which H2 uses to size its cache and to split pages: it must be cheap (no encoding)
     * and grow with the value, not be exact.
     */
    @Override
    public int getMemory(Object value) {
        if (value instanceof String text) {
            return 40 + text.length();
        }
        if (value instanceof Map<?, ?> document) {
            int size = 64;
            for (var entry : document.entrySet()) {
                size += 32 + getMemory(entry.getKey()) + getMemory(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 48;
            for (Object element : list) {
                size += 8 + getMemory(element);
            }
            return size;
        }
        if (value instanceof KeyValue key) {
            int size = 48;
            for (Object part : key) {
                size += 8 + getMemory(part);
            }
            return size;
        }
        return 24;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
