package pos.api.kitchen;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import pos.api.order.OrderResponse;
import pos.schemas.value.OrderSnapshot;

/** The data of the order stream's events (JSON, snake_case like the rest of the API). */
final class StreamEvents {

    private StreamEvents() {}

    /** {@code event: order}: an order's status changed; {@code sequence} orders one order's events. */
    @Schema(name = "OrderStreamChange")
    record Change(
            long sequence,
            @JsonInclude(JsonInclude.Include.NON_NULL) String previousStatus,
            OrderResponse order) {

        static Change of(FeedEvent event) {
            var changed = event.change();
            return new Change(
                    changed.sequence(),
                    changed.previousStatus() == null
                            ? null
                            : changed.previousStatus().wireName(),
                    OrderResponse.from(changed.order()));
        }
    }

    /** {@code event: snapshot}: the store's open orders (created, confirmed, preparing, ready), oldest first. */
    @Schema(name = "OrderStreamSnapshot")
    record Snapshot(List<Change> orders, boolean truncated) {

        static Snapshot of(List<OrderSnapshot> open, int limit) {
            return new Snapshot(
                    open.stream()
                            .map(o -> new Change(o.sequence(), null, OrderResponse.from(o)))
                            .toList(),
                    open.size() >= limit);
        }
    }

    /** {@code event: reset} (history gone: a snapshot follows) and {@code event: end} (the stream closes). */
    @Schema(name = "OrderStreamNotice")
    record Notice(String reason) {}
}
