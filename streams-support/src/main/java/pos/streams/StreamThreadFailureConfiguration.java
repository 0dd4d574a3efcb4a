package pos.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Poison records never reach the uncaught-exception handler (they go to the dead-letter topics), so what does is
 * infrastructure trouble: a fresh thread retries from the last committed offsets, after restoring its tasks, instead
 * of the whole service stopping.
 */
@Configuration(proxyBeanMethods = false)
public class StreamThreadFailureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailureConfiguration.class);

    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factoryBean -> {
            factoryBean.setStreamsUncaughtExceptionHandler(StreamThreadFailureConfiguration::replaceThread);
            // a clean stop hands the partitions over at once instead of after the session timeout (local-stack
            // restarts processors in-process, and a restarted instance gets its tasks back without waiting)
            factoryBean.setLeaveGroupOnClose(true);
        };
    }

    static StreamThreadExceptionResponse replaceThread(Throwable exception) {
        log.error("Stream thread failed; replacing it", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
