package pos.api.order;

import java.time.Instant;
import java.util.Date;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import pos.api.identity.StoreAccess;
import pos.schemas.value.OrderSnapshot;

/**
 * Filters of {@code GET /orders/}, all optional and combined with AND. {@code access} restricts the result to the
 * caller's stores.
 */
record OrderSearch(
        String storeId, String userId, String status, Instant createdFrom, Instant createdTo, StoreAccess access) {

    /** A caller with no store (a cashier nobody has granted one yet) finds nothing, without asking MongoDB. */
    boolean matchesNothing() {
        return storeId == null && !access.everyStore() && access.stores().isEmpty();
    }

    /** The same filters applied to one order in memory (for an order found by its Idempotency-Key). */
    boolean matches(OrderSnapshot order) {
        return (storeId == null ? access.includes(order.storeId()) : storeId.equals(order.storeId()))
                && (userId == null || userId.equals(order.userId()))
                && (status == null || status.equals(order.status().wireName()))
                && (createdFrom == null
                        || (order.createdAt() != null && !order.createdAt().isBefore(createdFrom)))
                && (createdTo == null
                        || (order.createdAt() != null && order.createdAt().isBefore(createdTo)));
    }

    Query toQuery() {
        var criteria = new Criteria();
        if (storeId != null) {
            criteria.and("store_id").is(storeId);
        } else if (!access.everyStore()) {
            criteria.and("store_id").in(access.stores());
        }
        if (userId != null) {
            criteria.and("user_id").is(userId);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (createdFrom != null || createdTo != null) {
            var created = criteria.and("created_at");
            if (createdFrom != null) {
                created.gte(Date.from(createdFrom));
            }
            if (createdTo != null) {
                created.lt(Date.from(createdTo));
            }
        }
        return Query.query(criteria);
    }
}
