package pos.api.order;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import pos.schemas.command.PlaceOrder;
import pos.schemas.value.OrderSnapshot;

/**
 * Sends a placement to the store ledger and hears its decision: the seam between {@link OrderIntake} and Kafka, so
 * the intake's branches are tested with a fake ({@code OrderIntakeTest}) and the Kafka round trip on its own.
 */
interface PlacementDecisions {

    /**
     * Publishes the command (a failure to publish is thrown, before anything else happens) and completes with the
     * decided order, created or rejected, or empty when no decision came within the API's wait.
     */
    CompletableFuture<Optional<OrderSnapshot>> publishAndAwait(PlaceOrder command);

    /** Publishes the command without waiting for its decision ({@code Prefer: respond-async}). */
    void publish(PlaceOrder command);

    /**
     * Throws the 503 a placement would get now because the processors are too far behind, before the request does
     * any work; publishing checks again.
     */
    void requireRoom();
}
