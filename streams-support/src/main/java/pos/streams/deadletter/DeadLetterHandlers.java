package pos.streams.deadletter;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Installs both dead-letter handlers in a Streams configuration, in one place for production and for the processors'
 * TopologyTestDriver tests: records that cannot be deserialized through spring-kafka's
 * {@link RecoveringDeserializationExceptionHandler}, records whose processing throws through
 * {@link DeadLetterProcessingExceptionHandler}, both handing them to the one recoverer. They are set in code, not in
 * properties, because they need the recoverer instance.
 */
public final class DeadLetterHandlers {

    private DeadLetterHandlers() {}

    public static void install(Map<Object, Object> streamsConfig, ConsumerRecordRecoverer recoverer) {
        streamsConfig.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class);
        streamsConfig.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer);
        streamsConfig.put(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingExceptionHandler.class);
        streamsConfig.put(DeadLetterProcessingExceptionHandler.RECOVERER, recoverer);
    }
}
