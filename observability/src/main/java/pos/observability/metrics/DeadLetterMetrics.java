package pos.observability.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Counts dead letters per source topic ({@code pos_dead_letters_total{topic="..."}}): a record counts once the
 * recoverer has written it to {@code <topic>.dlq}; one that could not be written is not dead-lettered.
 */
public final class DeadLetterMetrics {

    public static final String DEAD_LETTERS = "pos.dead.letters";

    private DeadLetterMetrics() {}

    public static ConsumerRecordRecoverer counting(ConsumerRecordRecoverer recoverer, MeterRegistry registry) {
        return (record, exception) -> {
            recoverer.accept(record, exception);
            Counter.builder(DEAD_LETTERS)
                    .description("Records written to a dead-letter topic, by the topic they came from")
                    .tag("topic", record.topic())
                    .register(registry)
                    .increment();
        };
    }
}
