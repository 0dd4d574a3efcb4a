package pos.api.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import pos.api.web.ApiException;

/**
 * Puts a dead letter back on its original topic: the original key, value and headers (without the failure's
 * {@code kafka_dlt-*} headers), plus {@code pos-redrive-of} naming the dead letter and {@code pos-redriven-by} the
 * operator. The partition is the key's, as for the original; the send waits for the broker (503 if it does not
 * answer in time).
 */
class DeadLetterRedrives implements DisposableBean {

    static final String REDRIVEN_BY = "pos-redriven-by";

    private final KafkaTemplate<byte[], byte[]> template;
    private final Duration sendTimeout;

    DeadLetterRedrives(KafkaTemplate<byte[], byte[]> template, Duration sendTimeout) {
        this.template = template;
        this.sendTimeout = sendTimeout;
    }

    void send(DeadLetterDocument deadLetter, String by) {
        var headers = new RecordHeaders();
        deadLetter.headers().forEach(h -> headers.add(h.key(), h.value()));
        headers.remove(DeadLetterProjector.REDRIVE_OF);
        headers.remove(REDRIVEN_BY);
        headers.add(DeadLetterProjector.REDRIVE_OF, deadLetter.id().getBytes(StandardCharsets.UTF_8));
        headers.add(REDRIVEN_BY, by.getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<>(deadLetter.topic(), null, deadLetter.key(), deadLetter.value(), headers);
        try {
            template.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Kafka is unavailable; the dead letter stays open");
    }

    @Override
    public void destroy() {
        template.getProducerFactory().reset();
    }
}
