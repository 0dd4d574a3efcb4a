package pos.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import pos.streams.topics.TopicsProperties;

/** The API declares the topics from streams-support's declaration and {@code pos.topics.*}, and nothing of Streams. */
class TopicDeclarationsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(TopicDeclarations.class);

    @Test
    void declaresTheTopicsFromThePosTopicsSettingsWithoutStreams() {
        context.withPropertyValues("pos.topics.partitions=3", "pos.topics.dead-letter-retention=2d")
                .run(app -> {
                    assertThat(app).hasSingleBean(KafkaAdmin.NewTopics.class);
                    assertThat(app.getBean(TopicsProperties.class).partitions()).isEqualTo(3);
                    assertThat(app.getBean(TopicsProperties.class).deadLetterRetention())
                            .isEqualTo(Duration.ofDays(2));
                    assertThat(app).doesNotHaveBean(StreamsBuilderFactoryBean.class);
                });
    }

    @Test
    void refusesToStartWithSettingsTheBrokerWouldReject() {
        context.withPropertyValues("pos.topics.partitions=0")
                .run(app -> assertThat(app).hasFailed());
    }
}
