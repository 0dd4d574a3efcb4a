package pos.observability;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import pos.observability.health.KafkaClusterHealthIndicator;
import pos.observability.health.KafkaStreamsLivenessIndicator;
import pos.observability.health.KafkaStreamsReadinessIndicator;

/**
 * Health contributors every service gets: {@code kafka} (the cluster answers) for readiness and, in the
 * processors, {@code kafkaStreams} (the Streams client runs) for readiness and {@code kafkaStreamsLiveness} for
 * liveness. The probe groups that use them are configured in each
 * service's properties file.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaProperties.class)
public class OperationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    @ConditionalOnBean(KafkaProperties.class)
    KafkaClusterHealthIndicator kafkaHealthIndicator(
            KafkaProperties kafka,
            @Value("${pos.health.kafka.timeout:2s}") Duration timeout,
            @Value("${pos.health.kafka.reuse-for:5s}") Duration reuseFor) {
        var config = kafka.buildAdminProperties();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
        return new KafkaClusterHealthIndicator(() -> Admin.create(config), timeout, reuseFor, Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaStreams.class)
    @ConditionalOnBean(StreamsBuilderFactoryBean.class)
    static class StreamsHealth {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaStreamsHealthIndicator")
        KafkaStreamsReadinessIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
            return new KafkaStreamsReadinessIndicator(factoryBean);
        }

        @Bean
        KafkaStreamsLivenessIndicator kafkaStreamsLivenessHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
            return new KafkaStreamsLivenessIndicator(factoryBean);
        }
    }
}
