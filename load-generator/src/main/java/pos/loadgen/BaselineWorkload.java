package pos.loadgen;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /health} at the same rate: the same Tomcat, filters and JSON writing with no Kafka, MongoDB or
 * processor behind it, so the other scenarios can be stated as multiples of what the bare HTTP stack costs here.
 */
final class BaselineWorkload implements Workload {

    private final PosApi api;
    private final OperationStats health = new OperationStats("health");

    BaselineWorkload(PosApi api) {
        this.api = api;
    }

    @Override
    public List<OperationStats> operations() {
        return List.of(health);
    }

    @Override
    public CompletableFuture<?> fire(long index, long intendedNanos, boolean measured) {
        return api.get("/health", null).handle((reply, error) -> Workload.record(health, measured, intendedNanos,
                reply, error, error == null && reply.status() == 200 ? "200" : null));
    }
}
