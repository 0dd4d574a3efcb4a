package pos.streams.deadletter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Kafka Streams' processing exception handler (KIP-1033) that hands the failed input, as the raw bytes read from the
 * source topic, to a {@link ConsumerRecordRecoverer} and lets the task continue. Kafka 4.0 has no dead-letter support
 * of its own (KIP-1034 arrives in 4.2) and spring-kafka ships its recovering processing handler only from 4.1, so
 * this is the 4.0 counterpart of spring-kafka's {@code RecoveringDeserializationExceptionHandler}, configured the
 * same way: the recoverer instance under {@link #RECOVERER} in the Streams properties.
 *
 * <p>The record is not dropped when the failure is transient (broker, state store) or the recoverer itself fails:
 * the task fails and the record is retried. A failed punctuation has no input to dead-letter; it is logged and the
 * next punctuation tries again.
 */
public class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

    /** Streams config key holding the {@link ConsumerRecordRecoverer} instance. */
    public static final String RECOVERER = "pos.processing.recoverer";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

    private ConsumerRecordRecoverer recoverer;

    @Override
    public void configure(Map<String, ?> configs) {
        if (!(configs.get(RECOVERER) instanceof ConsumerRecordRecoverer configured)) {
            throw new ConfigException(RECOVERER, configs.get(RECOVERER), "must be a ConsumerRecordRecoverer");
        }
        this.recoverer = configured;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.sourceRawKey() == null && context.sourceRawValue() == null) {
            log.error(
                    "Processing failed without an input record in {} of task {}",
                    context.processorNodeId(),
                    context.taskId(),
                    exception);
            return ProcessingHandlerResponse.CONTINUE;
        }
        if (isTransient(exception)) {
            // a broker or state store hiccup is not the record's fault: fail the task so it is retried, never skipped
            log.warn(
                    "Transient failure on {}-{}@{}; failing the task so the record is retried",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception);
            return ProcessingHandlerResponse.FAIL;
        }
        try {
            recoverer.accept(failedInput(context), exception);
            log.warn(
                    "Sent {}-{}@{} to the dead-letter topic: {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    exception.toString());
            return ProcessingHandlerResponse.CONTINUE;
        } catch (RuntimeException publishFailed) {
            log.error(
                    "Could not dead-letter {}-{}@{}; failing the task so the record is retried",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    publishFailed);
            return ProcessingHandlerResponse.FAIL;
        }
    }

    /**
     * Failures of the infrastructure rather than of the record: retriable client errors (Kafka's own timeouts among
     * them), state store failures and timeouts, anywhere in the cause chain. Everything else (invariants, unreadable
     * or oversized records) is the record's, and dead-lettering it is the only way forward.
     */
    static boolean isTransient(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException
                    || cause instanceof ProcessorStateException
                    || cause instanceof InvalidStateStoreException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static ConsumerRecord<byte[], byte[]> failedInput(ErrorHandlerContext context) {
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        // a copy: the recoverer may add to the headers it gets, and these belong to the record Streams still holds
        return new ConsumerRecord<>(
                context.topic(),
                context.partition(),
                context.offset(),
                context.timestamp(),
                TimestampType.CREATE_TIME,
                key == null ? -1 : key.length,
                value == null ? -1 : value.length,
                key,
                value,
                new RecordHeaders(context.headers().toArray()),
                Optional.empty());
    }
}
