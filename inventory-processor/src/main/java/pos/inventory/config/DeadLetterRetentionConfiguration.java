package pos.inventory.config;

import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pos.streams.topics.TopicsProperties;

/**
 * A dead letter re-driven after the ledger forgot its command id would be applied afresh: inventory-processor refuses
 * to start when dead-letter topics keep records longer than the ledger keeps processed command ids.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterRetentionConfiguration {

    @Bean
    InitializingBean deadLettersWithinCommandMemory(TopicsProperties topics, InventoryProcessorProperties inventory) {
        return () -> requireDeadLettersWithinCommandMemory(
                topics.deadLetterRetention(), inventory.processedCommands().retention());
    }

    static void requireDeadLettersWithinCommandMemory(Duration deadLetterRetention, Duration commandRetention) {
        if (deadLetterRetention.compareTo(commandRetention) > 0) {
            throw new IllegalStateException("pos.topics.dead-letter-retention (" + deadLetterRetention
                    + ") exceeds pos.inventory.processed-commands.retention (" + commandRetention + "): a re-driven "
                    + "dead letter could be applied twice; shorten the first or lengthen the second");
        }
    }
}
