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
 * recoverer itself fails the record is not dropped: the stream thread fails and retries it.
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
}
