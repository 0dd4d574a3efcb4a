package pos.localstack.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import pos.testing.JavaProcess;

/**
 * Faults at planned moments of a run: each a service and what happens to it (SIGKILL and start again at once, or
 * SIGKILL for good). The moments are chosen up front from the run's seed, so a failing run can be repeated.
 */
final class Chaos implements AutoCloseable {

    enum Action {
        KILL_AND_RESTART,
        KILL
    }

    record Fault(Duration at, JavaProcess service, Action action) {}

    private final List<Fault> plan;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger done = new AtomicInteger();
    private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private Thread thread;

    Chaos(List<Fault> plan) {
        this.plan =
                plan.stream().sorted(java.util.Comparator.comparing(Fault::at)).toList();
    }

    void start(Instant from) {
        thread = new Thread(() -> run(from), "chaos");
        thread.start();
    }

    private void run(Instant from) {
        for (var fault : plan) {
            var wait = Duration.between(Instant.now(), from.plus(fault.at()));
            try {
                // a scheduled fault time, not a synchronisation: the run goes on whatever happens meanwhile
                if (stopped.await(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            fault.service().kill();
            if (fault.action() == Action.KILL_AND_RESTART) {
                fault.service().start();
            }
            done.incrementAndGet();
            log.add(fault.at().toSeconds() + "s " + fault.action() + " "
                    + fault.service().name());
        }
    }

    int faultsDone() {
        return done.get();
    }

    List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() throws InterruptedException {
        stopped.countDown();
        if (thread != null) {
            thread.join(60_000);
        }
    }
}
