package pos.observability.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import pos.testing.MutableClock;

class KafkaClusterHealthIndicatorIT {

    private KafkaClusterHealthIndicator indicator;

    @AfterEach
    void close() {
        if (indicator != null) {
            indicator.destroy();
        }
    }

    @Test
    void upWithTheClusterIdWhenTheBrokerAnswers() {
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        try {
            indicator = new KafkaClusterHealthIndicator(
                    () -> Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString())),
                    Duration.ofSeconds(5),
                    Duration.ZERO,
                    Clock.systemUTC());

            var health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
        } finally {
            broker.destroy();
        }
    }

    @Test
    void downWhenNoBrokerAnswersInTime() {
        indicator = new KafkaClusterHealthIndicator(
                () -> Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1")),
                Duration.ofMillis(300),
                Duration.ZERO,
                Clock.systemUTC());

        var health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
    }

    @Test
    void reusesAnAnswerUntilItIsOlderThanConfigured() {
        var admin = mock(Admin.class);
        when(admin.describeCluster(any(DescribeClusterOptions.class))).thenThrow(new IllegalStateException("boom"));
        var created = new AtomicInteger();
        var clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        indicator = new KafkaClusterHealthIndicator(
                () -> {
                    created.incrementAndGet();
                    return admin;
                },
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                clock);

        var first = indicator.health();
        clock.advance(Duration.ofSeconds(4));
        var reused = indicator.health();
        verify(admin, times(1)).describeCluster(any(DescribeClusterOptions.class));
        clock.advance(Duration.ofSeconds(1));
        indicator.health();

        assertThat(first.getStatus()).isEqualTo(Status.DOWN);
        assertThat(reused).isSameAs(first);
        verify(admin, times(2)).describeCluster(any(DescribeClusterOptions.class));
        assertThat(created).hasValue(1);
    }
}
