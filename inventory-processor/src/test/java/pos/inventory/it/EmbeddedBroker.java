package pos.inventory.it;

/** Broker settings every IT needs: exactly-once on a single broker (Kafka's defaults assume three). */
final class EmbeddedBroker {

    static final String TRANSACTION_LOG_RF = "transaction.state.log.replication.factor=1";
    static final String TRANSACTION_LOG_ISR = "transaction.state.log.min.isr=1";
    static final String MIN_ISR = "min.insync.replicas=1";
    static final String NO_REBALANCE_DELAY = "group.initial.rebalance.delay.ms=0";

    private EmbeddedBroker() {
    }
}
