package pos.localstack.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tills place, complete and cancel orders for scarce stock while order-processor and inventory-processor are
 * SIGKILLed and restarted at random moments and the API is SIGKILLed and restarted once. Afterwards nothing is
 * oversold, lost or doubled: see {@link SystemInvariants}. Short in CI; {@code -Dfaults.duration=PT10M} for long.
 */
class ProcessorCrashIT {

    @Test
    void everyInvariantHoldsAfterProcessorsAndTheApiCrashUnderLoad() throws Exception {
        var settings = FaultSettings.fromSystemProperties(Duration.ofSeconds(40));
        try (var run = new FaultRun("processor-crash", settings, 4)) {
            var orderProcessor = run.stack.orderProcessor("a");
            var inventoryProcessor = run.stack.inventoryProcessor("a");
            var api = run.stack.api(run.apiPort);
            FaultRun.startAll(inventoryProcessor, orderProcessor, api);
            run.prepareCatalog();

            var processors = List.of(orderProcessor, inventoryProcessor);
            var faults = new ArrayList<Chaos.Fault>();
            int first = run.random.nextInt(2);
            var times = run.faultTimes();
            for (int i = 0; i < times.size(); i++) {
                // alternating, so each processor crashes at least once when there are two faults
                faults.add(
                        new Chaos.Fault(times.get(i), processors.get((first + i) % 2), Chaos.Action.KILL_AND_RESTART));
            }
            // early enough that the tills keep working against the restarted API for the rest of the load
            faults.add(
                    new Chaos.Fault(settings.load().dividedBy(3).plusSeconds(1), api, Chaos.Action.KILL_AND_RESTART));
            run.runLoad(faults);

            FaultRun.startAll(inventoryProcessor, orderProcessor, api);
            run.assertInvariantsOnceSettled();
        }
    }
}
