package pos.orderprocessor.config;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

import java.util.Map;
import java.util.Optional;

/**
 * The processing-side twin of spring-kafka's {@code RecoveringDeserializationExceptionHandler} (Kafka Streams
 * KIP-1033 handler; spring-kafka only ships its own from 4.1 on): a record that throws while being processed is
 * handed, as the raw bytes read from its source topic, to the same recoverer, and processing continues. If the
 * recoverer itself fails, or the failure is transient (broker, state store), the record is not dropped: the stream
 * thread fails and retries it.
 */
public class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

    /** Streams config key holding the {@link ConsumerRecordRecoverer} instance. */
    public static final String RECOVERER = "pos.processing.recoverer";

    private static final Log LOG = LogFactory.getLog(DeadLetterProcessingExceptionHandler.class);

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
        if (isTransient(exception)) {
            // a broker or state store hiccup is not the record's fault: fail the task so it is retried, never skipped
            LOG.warn("Transient failure on " + context.topic() + "-" + context.partition() + "@" + context.offset()
                    + "; failing the task so the record is retried", exception);
            return ProcessingHandlerResponse.FAIL;
        }
        var source = new ConsumerRecord<>(context.topic(), context.partition(), context.offset(),
                context.timestamp(), TimestampType.CREATE_TIME, -1, -1, context.sourceRawKey(),
                context.sourceRawValue(), new RecordHeaders(context.headers().toArray()), Optional.empty());
        try {
            recoverer.accept(source, exception);
            return ProcessingHandlerResponse.CONTINUE;
        }
        catch (RuntimeException recoveryFailure) {
            LOG.error("Could not dead-letter a failed record of " + context.topic() + "-" + context.partition()
                    + "@" + context.offset(), recoveryFailure);
            return ProcessingHandlerResponse.FAIL;
        }
    }

    /** Retriable client errors, state store failures and timeouts, anywhere in the cause chain. */
    static boolean isTransient(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.RetriableException
                    || cause instanceof org.apache.kafka.streams.errors.ProcessorStateException
                    || cause instanceof org.apache.kafka.streams.errors.InvalidStateStoreException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
