package pos.schemas;

/**
 * Size limits every producer of the order path keeps, so that no record the store ledger writes can exceed the
 * broker's message size. The largest record is an {@code OrderCommandReply} (or {@code OrderStatusChanged}): the
 * order with {@link #MAX_ORDER_LINES} lines, each with a name of {@link #MAX_PRODUCT_NAME_LENGTH} and a SKU of
 * {@link #MAX_SKU_LENGTH} characters (up to 4 UTF-8 bytes each), plus one stock level per product: well under
 * {@link #MAX_RECORD_BYTES}. api-service refuses requests beyond these limits (400 naming the limit); the ledger
 * dead-letters any record whose output would still exceed {@link #MAX_RECORD_BYTES}.
 */
public final class Limits {

    /** Lines of one order. */
    public static final int MAX_ORDER_LINES = 200;
    /** Characters of a product name (copied into every order line). */
    public static final int MAX_PRODUCT_NAME_LENGTH = 200;
    /** Characters of a SKU (copied into every order line). */
    public static final int MAX_SKU_LENGTH = 64;
    /** Characters of a stock adjustment's reason (copied into its StockChanged event). */
    public static final int MAX_REASON_LENGTH = 200;
    /** Characters of an Idempotency-Key (copied into the order). */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    /**
     * Bytes of one record a processor writes (key, value and headers): below the broker's and producer's default of
     * 1 MiB ({@code message.max.bytes} 1,048,588, {@code max.request.size} 1,048,576) with room for batch overhead.
     */
    public static final int MAX_RECORD_BYTES = 1_000_000;

    private Limits() {}
}
