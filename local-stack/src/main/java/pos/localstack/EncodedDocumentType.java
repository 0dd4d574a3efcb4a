package pos.localstack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The values of a collection's document map ({@link BsonH2Collection}): each document held as the bytes it is stored
 * as, {@link BsonValueType}'s encoding of a document (its tag, then its BSON), so the file format is the same. A
 * commit writes every value of every page it changed, and a page holds several documents; held decoded, each of
 * them was encoded again at every commit of its page (a third of the committer's CPU under order load), held as
 * bytes they are copied. A document is encoded once, when it is stored, and decoded when it is read.
 * <p>
 * A value given as anything but bytes (a document converted from an older file) is encoded as it is written.
 */
final class EncodedDocumentType extends BasicDataType<Object> {

    static final EncodedDocumentType INSTANCE = new EncodedDocumentType();

    /** BSON's type byte for an embedded document, {@link BsonValueType}'s tag for one. */
    private static final byte DOCUMENT = 0x03;

    private EncodedDocumentType() {}

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof byte[] bytes) {
            buffer.put(bytes);
        } else {
            BsonValueType.INSTANCE.write(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != DOCUMENT) {
            return BsonValueType.toBytes(BsonValueType.INSTANCE.read(buffer));
        }
        // a BSON document begins with its own length, little-endian, itself included
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
        var bytes = new byte[1 + length];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return BsonValueType.INSTANCE.getMemory(value);
    }

    @Override
    public int compare(Object a, Object b) {
        return Arrays.compare((byte[]) a, (byte[]) b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
