package pos.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import pos.api.web.ApiException;
import pos.schemas.Samples;
import pos.testing.FreePorts;

/** With Kafka unreachable a command is refused with a 503 within the send timeout, never blocking longer. */
@ExtendWith(OutputCaptureExtension.class)
class CommandPublisherTest {

    @Test
    void aCommandThatKafkaCannotTakeIsA503WithinTheSendTimeout(CapturedOutput output) throws Exception {
        int unused = FreePorts.next();
        var kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("localhost:" + unused));
        var publisher = new CommandPublisher(
                kafka,
                new CommandProperties(Duration.ofSeconds(1), Duration.ofSeconds(5), 256, Duration.ofSeconds(30)),
                new SimpleMeterRegistry(),
                ObservationRegistry.NOOP);
        try {
            long started = System.nanoTime();

            assertThatThrownBy(() -> publisher.publish(Samples.placeOrder()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(503);
                        assertThat(e.getCause())
                                .as("the send's failure is kept")
                                .isNotNull();
                    });
            // logged once, where it becomes the 503, with what went wrong
            assertThat(output.getAll())
                    .containsOnlyOnce("Could not publish a command to pos.orders.commands.v1")
                    .contains("answering 503: org.apache.kafka");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            publisher.destroy();
        }
    }

    @Test
    void theProducerNeverBlocksOrRetriesLongerThanTheSendTimeout() {
        var props = new java.util.HashMap<String, Object>();

        CommandPublisher.boundedBy(props, Duration.ofSeconds(3));

        assertThat(props).containsEntry("max.block.ms", 3000L).containsEntry("delivery.timeout.ms", 3000);
        assertThat((Integer) props.get("request.timeout.ms")).isLessThan(3000 - 5);
    }
}
