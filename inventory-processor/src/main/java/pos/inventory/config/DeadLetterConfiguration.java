package pos.inventory.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import pos.observability.metrics.DeadLetterMetrics;
import pos.schemas.Topics;

/**
 * Publishes records the processor cannot read or process to {@code <topic>.dlq}: the original key and value
 * bytes, with spring-kafka's {@code kafka_dlt-*} headers (original topic, partition, offset, timestamp, exception
 * class, message and stack trace). Boot's producer is configured for raw bytes, as this is its only use here.
 *
 * <p>The dead-letter publish is not part of the Streams transaction: if the task fails before it commits, the
 * record is processed again and may be dead-lettered twice. Dead-letter consumers can tell copies apart by the
 * original topic/partition/offset headers. Each dead letter counts in {@code pos_dead_letters_total{topic}}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    ConsumerRecordRecoverer deadLetterPublishingRecoverer(KafkaTemplate<?, ?> kafkaTemplate, MeterRegistry meters) {
        // partition -1: let the producer choose, so the DLQ may have a different partition count than its source
        return DeadLetterMetrics.counting(new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1)), meters);
    }
}
