package pos.api.order;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Filters of {@code GET /orders/}, all optional and combined with AND. {@code allowedStores} restricts a
 * store-scoped user to their stores (empty = all).
 */
record OrderSearch(String storeId, String userId, String status, Instant createdFrom, Instant createdTo,
        Set<String> allowedStores) {

    Query toQuery() {
        var criteria = new Criteria();
        if (storeId != null) {
            criteria.and("store_id").is(storeId);
        } else if (!allowedStores.isEmpty()) {
            criteria.and("store_id").in(allowedStores);
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
