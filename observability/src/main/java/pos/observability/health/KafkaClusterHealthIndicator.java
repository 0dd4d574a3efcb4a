package pos.observability.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the Kafka cluster answers a describe-cluster request within a short timeout. Probes run every few
 * seconds on every instance, so an answer is reused for a while instead of asking the brokers each time, and the
 * admin client is created once and kept (it reconnects by itself).
 */
public class KafkaClusterHealthIndicator implements HealthIndicator, DisposableBean {

    private final Supplier<Admin> adminFactory;
    private final Duration timeout;
    private final Duration reuseFor;
    private final Clock clock;
    private Admin admin;
    private Health last;
    private Instant lastAt = Instant.MIN;

    /**
     * @param timeout  how long one check may wait for the cluster before it counts as DOWN
     * @param reuseFor how long an answer is reused before the cluster is asked again
     */
    public KafkaClusterHealthIndicator(Supplier<Admin> adminFactory, Duration timeout, Duration reuseFor, Clock clock) {
        this.adminFactory = adminFactory;
        this.timeout = timeout;
        this.reuseFor = reuseFor;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        var now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(reuseFor))) {
            last = check();
            lastAt = now;
        }
        return last;
    }

    private Health check() {
        try {
            if (admin == null) {
                admin = adminFactory.get();
            }
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            var clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            var nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up()
                    .withDetail("clusterId", clusterId)
                    .withDetail("nodes", nodes.size())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("error", String.valueOf(e.getCause()))
                    .build();
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "no answer within " + timeout)
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", String.valueOf(e)).build();
        }
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
