package pos.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What the smoke test is told: where the API and the Kafka broker are, and an admin account. The credentials may
 * come from the environment (the variables the API's bootstrap admin is configured with), so they need not appear
 * on a command line.
 */
record SmokeOptions(URI apiUrl, String kafkaBootstrap, String adminUser, String adminPassword, Duration timeout) {

    static final String USAGE = """
            Usage: run-smoke-test.sh --api-url URL --kafka HOST:PORT [options]
              --api-url URL           the API (default http://localhost:8080)
              --kafka HOST:PORT       a Kafka bootstrap address reachable from here (default localhost:9092)
              --admin-user NAME       an admin account (default: $POS_BOOTSTRAP_ADMIN_USERNAME)
              --admin-password TEXT   its password (default: $POS_BOOTSTRAP_ADMIN_PASSWORD; prefer the variable,
                                      a command line is visible to other users of the machine)
              --timeout DURATION      the longest wait for one eventually-consistent result (default 60s)
            """;

    static SmokeOptions parse(String[] args, Map<String, String> env) {
        String apiUrl = "http://localhost:8080";
        String kafka = "localhost:9092";
        String user = env.getOrDefault("POS_BOOTSTRAP_ADMIN_USERNAME", "");
        String password = env.getOrDefault("POS_BOOTSTRAP_ADMIN_PASSWORD", "");
        String timeout = "60s";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--api-url" -> apiUrl = value;
                case "--kafka" -> kafka = value;
                case "--admin-user" -> user = value;
                case "--admin-password" -> password = value;
                case "--timeout" -> timeout = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (user.isBlank() || password.isBlank()) {
            throw new IllegalArgumentException("an admin account is needed: --admin-user and --admin-password, or "
                    + "POS_BOOTSTRAP_ADMIN_USERNAME and POS_BOOTSTRAP_ADMIN_PASSWORD");
        }
        return new SmokeOptions(
                URI.create(apiUrl.replaceAll("/+$", "")), kafka, user, password, DurationText.parse(timeout));
    }
}
