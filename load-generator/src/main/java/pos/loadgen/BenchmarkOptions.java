package pos.loadgen;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;

/**
 * Everything a benchmark run is told on the command line. Every option has a default, so a run is reproducible
 * from the command alone; {@link #describe()} prints them all with the results.
 */
record BenchmarkOptions(
        URI apiUrl,
        URI bareUrl,
        List<Scenario> scenarios,
        List<Double> rates,
        Duration warmup,
        Duration firstWarmup,
        long preload,
        int preloadConcurrency,
        Duration duration,
        Duration pause,
        Duration drainTimeout,
        Duration requestTimeout,
        int stores,
        int products,
        int users,
        int maxLinesPerOrder,
        double retryFraction,
        double advanceFraction,
        double cancelFraction,
        double lagSampleFraction,
        Duration lagPollInterval,
        int maxInFlight,
        int clientThreads,
        OptionalLong sutPid,
        Path jsonOut,
        Path markdownOut,
        long seed,
        String label,
        String adminUser,
        String adminPassword) {

    static final String USAGE = """
            Usage: load-generator [options]   (normally through ./run-benchmark.sh, which starts the stack)
              --api-url URL            API to load (default http://localhost:8080)
              --bare-url URL           the bare Spring MVC endpoint started beside the stack for the bare
                                       scenario (default http://localhost:8090; run-benchmark.sh starts it)
              --scenarios LIST         orders,stock,read,baseline,bare (default all five, in that order)
              --rates LIST             target arrivals per second, each scenario runs at each (default 200)
              --warmup DURATION        sent but not measured, per run (default 10s)
              --first-warmup DURATION  the first run's warm-up instead: a fresh JVM spends its first minutes
                                       compiling, which short runs would measure (default 120s)
              --preload N              before the runs, place N orders through the API as tills do (with an
                                       Idempotency-Key, 32 at a time unless told), so the runs measure a system
                                       holding them; progress is printed (default 0)
              --preload-concurrency N  preload requests in flight at once (default 32)
              --duration DURATION      measured part of each run (default 30s)
              --pause DURATION         idle time between runs, so one run's backlog does not load the next (default 5s)
              --drain-timeout DURATION how long to wait for answers after the last arrival (default 30s)
              --request-timeout DUR    HTTP timeout of one request (default 30s)
              --stores N               stores orders and adjustments spread over (default 20)
              --products N             products in the catalog, all stocked in every store (default 50)
              --users N                cashier accounts placing orders (default 50)
              --max-lines N            an order has 1..N lines (default 3)
              --retry-fraction F       orders sent a second time with the same Idempotency-Key (default 0.05)
              --advance-fraction F     created orders moved confirmed→preparing→ready→completed (default 0.5)
              --cancel-fraction F      created orders cancelled (default 0.1)
              --lag-sample-fraction F  adjustments whose read-model lag is measured by polling (default 0.2)
              --lag-poll-interval DUR  poll interval for the read-model lag (default 5ms)
              --max-in-flight N        arrivals in progress at once; beyond it the schedule waits, and the wait
                                       counts in the latency. Each holds one connection: keep it under the
                                       API's POS_MAX_CONNECTIONS, past which new connections wait unaccepted
                                       while idle ones hold the API's slots (default 500)
              --client-threads N       I/O threads of the HTTP client, which also handle the answers (default 1)
              --sut-pid PID            process whose CPU time and RSS are reported (the stack's JVM)
              --json FILE              also write the results as JSON
              --markdown FILE          also write the results as a markdown block
              --seed N                 random seed of the order mix (default 42)
              --label TEXT             free text describing the conditions, printed with the results
              --admin-user NAME        admin account (registered if absent; default bench-admin)
              --admin-password TEXT    its password (default bench-admin-secret)
            """;

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        var defaults = new LinkedHashMap<String, String>();
        defaults.put("api-url", "http://localhost:8080");
        defaults.put("bare-url", "http://localhost:8090");
        defaults.put("scenarios", "orders,stock,read,baseline,bare");
        defaults.put("rates", "200");
        defaults.put("warmup", "10s");
        defaults.put("first-warmup", "120s");
        defaults.put("preload", "0");
        defaults.put("preload-concurrency", "32");
        defaults.put("duration", "30s");
        defaults.put("pause", "5s");
        defaults.put("drain-timeout", "30s");
        defaults.put("request-timeout", "30s");
        defaults.put("stores", "20");
        defaults.put("products", "50");
        defaults.put("users", "50");
        defaults.put("max-lines", "3");
        defaults.put("retry-fraction", "0.05");
        defaults.put("advance-fraction", "0.5");
        defaults.put("cancel-fraction", "0.1");
        defaults.put("lag-sample-fraction", "0.2");
        defaults.put("lag-poll-interval", "5ms");
        defaults.put("max-in-flight", "500");
        defaults.put("client-threads", "1");
        defaults.put("sut-pid", "");
        defaults.put("json", "");
        defaults.put("markdown", "");
        defaults.put("seed", "42");
        defaults.put("label", "");
        defaults.put("admin-user", "bench-admin");
        defaults.put("admin-password", "bench-admin-secret");
        return Map.copyOf(defaults);
    }

    /** Parses {@code --name value} and {@code --name=value}; unknown or malformed options are refused. */
    static BenchmarkOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected an option starting with --, not '" + arg + "'");
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            given.put(name, value);
        }
        Function<String, String> option = name -> given.getOrDefault(name, DEFAULTS.get(name));
        var options = new BenchmarkOptions(
                apiUrl(option.apply("api-url")),
                apiUrl(option.apply("bare-url")),
                list(option.apply("scenarios"), Scenario::parse),
                list(option.apply("rates"), text -> positive("rates", Double.parseDouble(text))),
                DurationText.parse(option.apply("warmup")),
                DurationText.parse(option.apply("first-warmup")),
                notNegative("preload", option.apply("preload")),
                atLeastOne("preload-concurrency", option.apply("preload-concurrency")),
                DurationText.parse(option.apply("duration")),
                DurationText.parse(option.apply("pause")),
                DurationText.parse(option.apply("drain-timeout")),
                DurationText.parse(option.apply("request-timeout")),
                atLeastOne("stores", option.apply("stores")),
                atLeastOne("products", option.apply("products")),
                atLeastOne("users", option.apply("users")),
                atLeastOne("max-lines", option.apply("max-lines")),
                fraction("retry-fraction", option.apply("retry-fraction")),
                fraction("advance-fraction", option.apply("advance-fraction")),
                fraction("cancel-fraction", option.apply("cancel-fraction")),
                fraction("lag-sample-fraction", option.apply("lag-sample-fraction")),
                DurationText.parse(option.apply("lag-poll-interval")),
                atLeastOne("max-in-flight", option.apply("max-in-flight")),
                atLeastOne("client-threads", option.apply("client-threads")),
                option.apply("sut-pid").isBlank()
                        ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(option.apply("sut-pid").trim())),
                path(option.apply("json")),
                path(option.apply("markdown")),
                Long.parseLong(option.apply("seed").trim()),
                option.apply("label"),
                option.apply("admin-user"),
                option.apply("admin-password"));
        if (options.advanceFraction() + options.cancelFraction() > 1.0) {
            throw new IllegalArgumentException("advance-fraction + cancel-fraction must not exceed 1");
        }
        if (options.duration().isZero()) {
            throw new IllegalArgumentException("duration must be positive");
        }
        return options;
    }

    /** Each run's own random choices, reproducible from --seed. */
    Random randomFor(String runId) {
        return new Random(seed() ^ runId.hashCode());
    }

    boolean needsFixture() {
        return preload > 0
                || scenarios.contains(Scenario.ORDERS)
                || scenarios.contains(Scenario.STOCK)
                || scenarios.contains(Scenario.READ);
    }

    /** The options as {@code --name value} pairs, to print with the results so a run can be repeated. */
    Map<String, String> describe() {
        var described = new LinkedHashMap<String, String>();
        described.put("api-url", apiUrl.toString());
        if (scenarios.contains(Scenario.BARE)) {
            described.put("bare-url", bareUrl.toString());
        }
        described.put(
                "scenarios",
                String.join(",", scenarios.stream().map(Scenario::label).toList()));
        described.put(
                "rates",
                String.join(",", rates.stream().map(BenchmarkOptions::number).toList()));
        described.put("warmup", DurationText.format(warmup));
        described.put("first-warmup", DurationText.format(firstWarmup));
        if (preload > 0) {
            described.put("preload", Long.toString(preload));
            described.put("preload-concurrency", Integer.toString(preloadConcurrency));
        }
        described.put("duration", DurationText.format(duration));
        described.put("pause", DurationText.format(pause));
        described.put("stores", Integer.toString(stores));
        described.put("products", Integer.toString(products));
        described.put("users", Integer.toString(users));
        described.put("max-lines", Integer.toString(maxLinesPerOrder));
        described.put("retry-fraction", number(retryFraction));
        described.put("advance-fraction", number(advanceFraction));
        described.put("cancel-fraction", number(cancelFraction));
        described.put("lag-sample-fraction", number(lagSampleFraction));
        described.put("max-in-flight", Integer.toString(maxInFlight));
        described.put("client-threads", Integer.toString(clientThreads));
        described.put("seed", Long.toString(seed));
        return described;
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static URI apiUrl(String text) {
        var uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("expected an absolute http(s) URL, not '" + text + "'");
        }
        return uri;
    }

    private static <T> List<T> list(String text, Function<String, T> element) {
        var values = new ArrayList<T>();
        Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(element)
                .forEach(values::add);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("empty list: '" + text + "'");
        }
        return List.copyOf(values);
    }

    private static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    private static int atLeastOne(String name, String text) {
        int value = Integer.parseInt(text.trim());
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return value;
    }

    private static long notNegative(String name, String text) {
        long value = Long.parseLong(text.trim());
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value);
        }
        return value;
    }

    private static double fraction(String name, String text) {
        double value = Double.parseDouble(text.trim());
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + text);
        }
        return value;
    }

    private static Path path(String text) {
        return text.isBlank() ? null : Path.of(text);
    }
}
