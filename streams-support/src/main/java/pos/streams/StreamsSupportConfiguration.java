package pos.streams;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import pos.streams.deadletter.DeadLetterConfiguration;
import pos.streams.topics.TopicsConfiguration;

/**
 * Everything a processor needs around its topology on Boot's Streams infrastructure ({@code spring.kafka.streams.*}).
 * Imported explicitly rather than auto-configured: api-service and local-stack have these classes on their classpath
 * too, and must not get Streams handlers because of it (api-service imports {@link TopicsConfiguration} alone).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import({DeadLetterConfiguration.class, TopicsConfiguration.class, StreamThreadFailureConfiguration.class})
public class StreamsSupportConfiguration {}
