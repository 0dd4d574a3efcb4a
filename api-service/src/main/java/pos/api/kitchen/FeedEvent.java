package pos.api.kitchen;

import pos.api.kitchen.domain.FeedCursor;
import pos.schemas.event.OrderStatusChanged;

/** One order event read from the topic, with where it was and the stream position just after it. */
record FeedEvent(OrderStatusChanged change, int partition, long offset, FeedCursor after) {}
