package pos.localstack.faults;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long and how hard a fault test runs. The CI form is short; {@code -Dfaults.duration=PT10M} (ISO-8601) runs
 * the same test for ten minutes, {@code -Dfaults.seed=...} repeats a run's random choices (tills, kill times).
 */
record FaultSettings(Duration load, long seed, int tills) {

    static FaultSettings fromSystemProperties(Duration defaultLoad) {
        return new FaultSettings(
                Duration.parse(System.getProperty("faults.duration", defaultLoad.toString())),
                Long.getLong("faults.seed", ThreadLocalRandom.current().nextLong()),
                Integer.getInteger("faults.tills", 10));
    }
}
