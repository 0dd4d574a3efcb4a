package pos.api.kafka;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import pos.streams.topics.TopicsConfiguration;

/**
 * Declares every topic (and dead-letter topic) as the processors do, from the same {@code pos.topics.*}
 * properties, so any service can start first; existing topics are kept. Only the topic declaration of
 * streams-support is imported: the API runs no topology.
 */
@Configuration(proxyBeanMethods = false)
@Import(TopicsConfiguration.class)
class TopicDeclarations {}
