package pos.streams.testing;

/**
 * Broker settings every processor IT needs, for {@code @EmbeddedKafka(brokerProperties = ...)}: exactly-once on a
 * single broker (Kafka's defaults assume three) and no wait before the first rebalance.
 */
public final class EmbeddedBroker {

    public static final String TRANSACTION_LOG_RF = "transaction.state.log.replication.factor=1";
    public static final String TRANSACTION_LOG_ISR = "transaction.state.log.min.isr=1";
    public static final String MIN_ISR = "min.insync.replicas=1";
    public static final String NO_REBALANCE_DELAY = "group.initial.rebalance.delay.ms=0";

    private EmbeddedBroker() {}
}
