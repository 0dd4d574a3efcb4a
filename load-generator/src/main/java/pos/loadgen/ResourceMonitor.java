package pos.loadgen;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a measured window cost: the machine's CPU (sampled from the OperatingSystemMXBean), the system under test's
 * CPU time and resident memory (from /proc of its process), and this generator's own CPU time, so the load
 * generator's share of a 2-core machine is visible next to the system's.
 */
final class ResourceMonitor implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 250;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final OptionalLong sutPid;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "resource-sampler");
        thread.setDaemon(true);
        return thread;
    });

    ResourceMonitor(OptionalLong sutPid) {
        this.sutPid = sutPid;
    }

    /** Starts measuring a window; {@link Window#stop()} ends it. */
    Window start() {
        return new Window();
    }

    final class Window {

        private final long startNanos = System.nanoTime();
        private final long generatorCpuStart = os.getProcessCpuTime();
        private final OptionalLong sutCpuStart =
                sutPid.isPresent() ? ProcFiles.cpuNanos(sutPid.getAsLong()) : OptionalLong.empty();
        private final DoubleAdder machineLoadSum = new DoubleAdder();
        private final LongAdder machineSamples = new LongAdder();
        private final LongAccumulator machineLoadMaxPermille = new LongAccumulator(Math::max, 0);
        private final LongAccumulator sutRssMaxKib = new LongAccumulator(Math::max, -1);
        private final ScheduledFuture<?> sampling;

        private Window() {
            os.getCpuLoad(); // the first call only primes the bean
            sampling = sampler.scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            double load = os.getCpuLoad();
            if (load >= 0) {
                machineLoadSum.add(load);
                machineSamples.increment();
                machineLoadMaxPermille.accumulate(Math.round(load * 1000));
            }
            sutPid.ifPresent(pid -> ProcFiles.rssKib(pid).ifPresent(sutRssMaxKib::accumulate));
        }

        ResourceUsage stop() {
            sampling.cancel(false);
            sample();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double generatorCores = (os.getProcessCpuTime() - generatorCpuStart) / 1e9 / seconds;
            Double sutCores = null;
            if (sutCpuStart.isPresent()) {
                var end = ProcFiles.cpuNanos(sutPid.getAsLong());
                if (end.isPresent()) {
                    sutCores = (end.getAsLong() - sutCpuStart.getAsLong()) / 1e9 / seconds;
                }
            }
            long samples = machineSamples.sum();
            long rss = sutRssMaxKib.get();
            return new ResourceUsage(
                    seconds,
                    os.getAvailableProcessors(),
                    samples == 0 ? null : machineLoadSum.sum() / samples,
                    samples == 0 ? null : machineLoadMaxPermille.get() / 1000.0,
                    sutCores,
                    rss < 0 ? null : rss / 1024.0,
                    generatorCores);
        }
    }

    /**
     * CPU loads are fractions of the whole machine (1.0 = every core busy); cores are CPU seconds per second of
     * the window (2.0 = two cores busy). Values that could not be read are null.
     */
    record ResourceUsage(
            double seconds,
            int processors,
            Double machineCpuMean,
            Double machineCpuMax,
            Double sutCpuCores,
            Double sutRssMaxMib,
            double generatorCpuCores) {}

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
