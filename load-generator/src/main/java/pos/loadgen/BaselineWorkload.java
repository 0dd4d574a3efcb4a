package pos.loadgen;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One GET answered without Kafka, MongoDB or a processor behind it: {@code GET /health} on the API (its Tomcat,
 * filters, security and JSON writing) or {@code GET /bare} on the bare Spring MVC endpoint beside it (Tomcat and
 * Spring MVC alone), so the other scenarios can be stated as multiples of what the HTTP stack costs here.
 */
final class BaselineWorkload implements Workload {

    private final PosApi api;
    private final String path;
    private final OperationStats health;

    BaselineWorkload(PosApi api, String path, String operation) {
        this.api = api;
        this.path = path;
        this.health = new OperationStats(operation);
    }

    @Override
    public List<OperationStats> operations() {
        return List.of(health);
    }

    @Override
    public CompletableFuture<?> fire(long index, long intendedNanos, boolean measured) {
        return api.get(path, null)
                .handle((reply, error) -> Workload.record(
                        health,
                        measured,
                        intendedNanos,
                        reply,
                        error,
                        error == null && reply.status() == 200 ? "200" : null));
    }
}
