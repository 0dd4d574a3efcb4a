package pos.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void everyOptionHasADefault() {
        var options = BenchmarkOptions.parse();

        assertThat(options.apiUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.bareUrl()).isEqualTo(URI.create("http://localhost:8090"));
        assertThat(options.scenarios())
                .containsExactly(Scenario.ORDERS, Scenario.STOCK, Scenario.READ, Scenario.BASELINE, Scenario.BARE);
        assertThat(options.rates()).containsExactly(200.0);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.firstWarmup()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.retryFraction()).isEqualTo(0.05);
        assertThat(options.sutPid()).isEmpty();
        assertThat(options.jsonOut()).isNull();
        assertThat(options.needsFixture()).isTrue();
    }

    /**
     * Each arrival in progress holds a connection of the generator's pool. Past the API's Tomcat connections, new ones
     * wait in the accept queue while the pool's idle keep-alive connections hold Tomcat's slots: the API idled with
     * every request thread free while requests timed out unaccepted (65-110 decided/s at 500/s, against 212/s with
     * the bound under it).
     */
    @Test
    void arrivalsInProgressStayUnderTheApisConnectionLimit() throws Exception {
        var api = new Properties();
        try (var in = Files.newInputStream(Path.of("../api-service/src/main/resources/api-service.properties"))) {
            api.load(in);
        }
        var limit = api.getProperty("server.tomcat.max-connections");
        assertThat(limit).startsWith("${POS_MAX_CONNECTIONS:");
        int maxConnections = Integer.parseInt(limit.replaceAll("\\D", ""));

        assertThat(BenchmarkOptions.parse().maxInFlight()).isEqualTo(500).isLessThan(maxConnections);
    }

    @Test
    void readsBothOptionFormsListsAndDurations() {
        var options = BenchmarkOptions.parse(
                "--api-url=http://localhost:18080/",
                "--scenarios",
                "baseline, orders",
                "--rates",
                "100,250.5",
                "--warmup",
                "500ms",
                "--first-warmup=1m",
                "--duration=2m",
                "--sut-pid",
                "4242",
                "--retry-fraction",
                "0",
                "--json",
                "out/run.json",
                "--label",
                "shared machine");

        assertThat(options.apiUrl()).isEqualTo(URI.create("http://localhost:18080"));
        assertThat(options.scenarios()).containsExactly(Scenario.BASELINE, Scenario.ORDERS);
        assertThat(options.rates()).containsExactly(100.0, 250.5);
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.firstWarmup()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.sutPid()).hasValue(4242);
        assertThat(options.retryFraction()).isZero();
        assertThat(options.jsonOut()).isEqualTo(Path.of("out/run.json"));
        assertThat(options.label()).isEqualTo("shared machine");
    }

    @Test
    void onlyTheBaselineNeedsNoFixture() {
        assertThat(BenchmarkOptions.parse("--scenarios", "baseline").needsFixture())
                .isFalse();
        assertThat(BenchmarkOptions.parse("--scenarios", "baseline", "--preload", "10")
                        .needsFixture())
                .isTrue();
        assertThat(BenchmarkOptions.parse("--scenarios", "bare").needsFixture()).isFalse();
        assertThat(BenchmarkOptions.parse("--scenarios", "stock").needsFixture())
                .isTrue();
        assertThat(BenchmarkOptions.parse("--scenarios", "read").needsFixture()).isTrue();
    }

    @Test
    void describesTheRunSoItCanBeRepeated() {
        var described = BenchmarkOptions.parse(
                        "--rates", "100,250.5", "--warmup", "90s", "--lag-sample-fraction", "0.25")
                .describe();

        assertThat(described)
                .containsEntry("rates", "100,250.5")
                .containsEntry("warmup", "90s")
                .containsEntry("lag-sample-fraction", "0.25")
                .containsEntry("scenarios", "orders,stock,read,baseline,bare")
                .containsEntry("bare-url", "http://localhost:8090");
        assertThat(BenchmarkOptions.parse(described.entrySet().stream()
                                .flatMap(e -> List.of("--" + e.getKey(), e.getValue()).stream())
                                .toArray(String[]::new))
                        .describe())
                .isEqualTo(described);
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--rate", "100"))
                .withMessageContaining("unknown option --rate");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--rates"))
                .withMessageContaining("needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--rates", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--rates", "fast"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--scenarios", "checkout"))
                .withMessageContaining("unknown scenario");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--retry-fraction", "1.5"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--advance-fraction", "0.7", "--cancel-fraction", "0.4"))
                .withMessageContaining("must not exceed 1");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--duration", "0s"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--warmup", "ten"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--preload", "-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--users", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--api-url", "localhost"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("orders"));
    }

    @Test
    void durationsReadAndPrintInTheirLargestWholeUnit() {
        assertThat(DurationText.parse("15")).isEqualTo(Duration.ofSeconds(15));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(DurationText.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
    }
}
