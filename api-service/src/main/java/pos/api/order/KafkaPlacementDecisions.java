package pos.api.order;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import pos.api.kafka.CommandProperties;
import pos.api.kafka.CommandPublisher;
import pos.api.kafka.CommandReplies;
import pos.schemas.command.PlaceOrder;
import pos.schemas.reply.OrderCommandReply;
import pos.schemas.value.OrderSnapshot;
import pos.schemas.value.OrderStatus;

/** Placements on {@code pos.orders.commands.v1}, decisions from the reply feed ({@link CommandReplies}). */
@Component
class KafkaPlacementDecisions implements PlacementDecisions {

    private final CommandPublisher publisher;
    private final CommandReplies replies;
    private final CommandProperties properties;

    KafkaPlacementDecisions(CommandPublisher publisher, CommandReplies replies, CommandProperties properties) {
        this.publisher = publisher;
        this.replies = replies;
        this.properties = properties;
    }

    @Override
    public CompletableFuture<Optional<OrderSnapshot>> publishAndAwait(PlaceOrder command) {
        // replies to a duplicate PlaceOrder can carry the still-pending order; only a decided one ends the wait
        var waiter = replies.expect(
                        command.commandId(),
                        reply -> reply instanceof OrderCommandReply r
                                && r.order() != null
                                && r.order().status() != OrderStatus.PENDING)
                .afterPublishing(() -> publisher.publish(command));
        return waiter.decision(properties.decisionTimeout())
                .thenApply(reply -> reply.map(decided -> ((OrderCommandReply) decided).order()));
    }

    @Override
    public void publish(PlaceOrder command) {
        replies.publishUnawaited(command.commandId(), () -> publisher.publish(command));
    }

    @Override
    public void requireRoom() {
        replies.requireRoom();
    }
}
