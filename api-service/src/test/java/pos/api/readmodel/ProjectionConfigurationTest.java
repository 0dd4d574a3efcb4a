package pos.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** Which projector failures are retried until they succeed: MongoDB unavailable, however wrapped. */
class ProjectionConfigurationTest {

    @Test
    void findsAMongoFailureBehindTheListenerAndBatchWrappers() {
        var failure = new ListenerExecutionFailedException(
                "listener failed",
                new BatchListenerFailedException(
                        "read model not written", new DataAccessResourceFailureException("MongoDB down"), 0));

        assertThat(ProjectionConfiguration.mongoUnavailable(failure)).isTrue();
    }

    @Test
    void aDuplicateKeyIsNoOutage() {
        var failure = new BatchListenerFailedException(
                "read model not written", new org.springframework.dao.DuplicateKeyException("E11000"), 0);

        assertThat(ProjectionConfiguration.mongoUnavailable(failure)).isFalse();
    }

    @Test
    void anUnreadableRecordIsNoMongoFailure() {
        var failure = new ListenerExecutionFailedException(
                "listener failed",
                new BatchListenerFailedException("unreadable", new SerializationException("cannot read"), 0));

        assertThat(ProjectionConfiguration.mongoUnavailable(failure)).isFalse();
    }
}
