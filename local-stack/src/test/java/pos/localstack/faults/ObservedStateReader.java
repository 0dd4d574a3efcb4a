package pos.localstack.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import pos.localstack.faults.ObservedState.OrderView;
import pos.localstack.faults.ObservedState.StockView;
import pos.schemas.Topics;
import pos.schemas.event.OrderStatusChanged;
import pos.schemas.event.StockChanged;
import pos.schemas.serde.JsonSerdes;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

/** Reads the topics (from the beginning, read_committed) and the read-model collections, all of them, every time. */
final class ObservedStateReader implements AutoCloseable {

    private static final List<String> DEAD_LETTER_TOPICS =
            Topics.withDeadLetters().stream().map(Topics::deadLetter).toList();

    private final CommittedTopics topics;
    private final MongoClient mongoClient;
    private final MongoDatabase database;

    ObservedStateReader(String bootstrapServers, String mongoUri) {
        topics = new CommittedTopics(
                bootstrapServers,
                Stream.concat(
                                Stream.of(Topics.ORDER_EVENTS, Topics.ORDER_STATE, Topics.INVENTORY_EVENTS),
                                DEAD_LETTER_TOPICS.stream())
                        .toList());
        mongoClient = MongoClients.create(mongoUri);
        database = mongoClient.getDatabase("pos");
    }

    ObservedState read() {
        var orderEvents = new ArrayList<OrderStatusChanged>();
        var latestStates = new HashMap<String, OrderSnapshot>();
        var stockChanges = new ArrayList<StockChanged>();
        long deadLetters = 0;
        for (var record : topics.readToEnd()) {
            switch (record.topic()) {
                case Topics.ORDER_EVENTS ->
                    orderEvents.add(
                            (OrderStatusChanged) JsonSerdes.orderEvent().deserialize(record.topic(), record.value()));
                case Topics.ORDER_STATE ->
                    latestStates.put(
                            record.key(), JsonSerdes.orderSnapshot().deserialize(record.topic(), record.value()));
                case Topics.INVENTORY_EVENTS -> {
                    if (JsonSerdes.inventoryEvent().deserialize(record.topic(), record.value())
                            instanceof StockChanged changed) {
                        stockChanges.add(changed);
                    }
                }
                default -> deadLetters++;
            }
        }
        return new ObservedState(orderEvents, latestStates, stockChanges, deadLetters, orderViews(), stockViews());
    }

    private Map<String, OrderView> orderViews() {
        var views = new HashMap<String, OrderView>();
        for (Document d : database.getCollection("orders").find()) {
            views.put(
                    String.valueOf(d.get("_id")),
                    new OrderView(
                            OrderStatus.fromWireName(d.getString("status")).orElseThrow(),
                            ((Number) d.get("sequence")).longValue()));
        }
        return views;
    }

    private Map<String, StockView> stockViews() {
        var views = new HashMap<String, StockView>();
        for (Document d : database.getCollection("inventory").find()) {
            views.put(
                    String.valueOf(d.get("_id")),
                    new StockView(
                            new BigDecimal(d.getString("qty")),
                            new BigDecimal(d.getString("reserved_qty")),
                            new BigDecimal(d.getString("available_qty")),
                            ((Number) d.get("version")).longValue()));
        }
        return views;
    }

    @Override
    public void close() {
        try {
            topics.close();
        } finally {
            mongoClient.close();
        }
    }
}
