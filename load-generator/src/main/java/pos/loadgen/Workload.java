package pos.loadgen;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A scenario's requests for one run, and the statistics they record (only for measured arrivals). */
interface Workload extends OpenLoopDriver.Arrival {

    List<OperationStats> operations();

    /**
     * Records an answer: a success with its latency from {@code fromNanos} when {@code successOutcome} names it,
     * otherwise a failure of kind "HTTP status" or the exception's class. Nothing is recorded for warm-up arrivals.
     *
     * @return whether it was a success
     */
    static boolean record(
            OperationStats stats,
            boolean measured,
            long fromNanos,
            PosApi.Reply reply,
            Throwable error,
            String successOutcome) {
        if (error != null) {
            if (measured) {
                stats.failure(PosApi.failureKind(error));
            }
            return false;
        }
        if (successOutcome == null) {
            if (measured) {
                stats.failure(httpFailureKind(reply.status()));
            }
            return false;
        }
        if (measured) {
            stats.success(successOutcome, System.nanoTime() - fromNanos);
        }
        return true;
    }

    /** 202 is how the API says the processors' decision did not come within its wait: a timeout, not a success. */
    static String httpFailureKind(int status) {
        return status == 202 ? "HTTP 202 (no decision in time)" : "HTTP " + status;
    }

    static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
