package pos.streams.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import pos.streams.testing.TestDriverSettings;

/**
 * Both dead-letter handlers as {@link DeadLetterHandlers} installs them, around a topology that fails on demand: a
 * negative amount breaks an invariant, zero stands for a state store failure, and its punctuation fails once. A
 * recoverer that records stands in for the {@link DeadLetterPublisher}, which the processors' ITs run against a broker.
 */
class DeadLetterProcessingExceptionHandlerTest {

    private static final String AMOUNTS = "amounts";
    private static final String ACCEPTED = "accepted";
    private static final Duration PUNCTUATION_INTERVAL = Duration.ofSeconds(1);

    @TempDir
    Path stateDir;

    private final List<ConsumerRecord<?, ?>> deadLetters = new ArrayList<>();
    private final List<Exception> causes = new ArrayList<>();
    private final AtomicInteger punctuations = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> amounts;
    private TestOutputTopic<String, Integer> accepted;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void recordFailingInProcessingIsDeadLetteredAsItsRawInputAndTheNextIsProcessed() {
        startRecording();
        var headers = new RecordHeaders().add("traceparent", bytes("00-trace-span-01"));

        amounts.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(bytes("till-1"), amount(-5), headers));
        amounts.pipeInput(bytes("till-1"), amount(7));

        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(AMOUNTS);
            assertThat(record.offset()).isZero();
            assertThat((byte[]) record.key()).isEqualTo(bytes("till-1"));
            assertThat((byte[]) record.value()).isEqualTo(amount(-5));
            assertThat(record.headers().lastHeader("traceparent").value()).isEqualTo(bytes("00-trace-span-01"));
        });
        assertThat(causes).singleElement().isInstanceOf(IllegalArgumentException.class);
        assertThat(accepted.readValuesToList()).containsExactly(7);
    }

    @Test
    void unreadableRecordIsDeadLetteredByTheDeserializationHandlerAndTheNextIsProcessed() {
        startRecording();

        amounts.pipeInput(bytes("till-1"), bytes("not a number"));
        amounts.pipeInput(bytes("till-1"), amount(7));

        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(AMOUNTS);
            assertThat((byte[]) record.value()).isEqualTo(bytes("not a number"));
        });
        assertThat(causes).singleElement().isInstanceOf(SerializationException.class);
        assertThat(accepted.readValuesToList()).containsExactly(7);
    }

    @Test
    void transientFailureFailsTheTaskInsteadOfDeadLetteringTheRecord() {
        startRecording();

        assertThatThrownBy(() -> amounts.pipeInput(bytes("till-1"), amount(0))).isInstanceOf(StreamsException.class);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void failsTheTaskWhenTheDeadLetterCannotBeWritten() {
        start((record, exception) -> {
            throw new IllegalStateException("broker unavailable");
        });

        assertThatThrownBy(() -> amounts.pipeInput(bytes("till-1"), amount(-5))).isInstanceOf(StreamsException.class);
    }

    @Test
    void failedPunctuationIsSkippedAndTheNextOneRuns() {
        startRecording();

        driver.advanceWallClockTime(PUNCTUATION_INTERVAL);
        driver.advanceWallClockTime(PUNCTUATION_INTERVAL);
        amounts.pipeInput(bytes("till-1"), amount(7));

        assertThat(punctuations).hasValue(2);
        assertThat(deadLetters).isEmpty();
        assertThat(accepted.readValuesToList()).containsExactly(7);
    }

    @Test
    void infrastructureFailuresAnywhereInTheCauseChainAreTransient() {
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(
                        new StreamsException(new ProcessorStateException("rocksdb"))))
                .isTrue();
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(
                        new org.apache.kafka.common.errors.TimeoutException("broker")))
                .isTrue();
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(new InvalidStateStoreException("closed")))
                .isTrue();
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(
                        new IllegalStateException(new TimeoutException("lock"))))
                .isTrue();
    }

    @Test
    void failuresOfTheRecordItselfAreNotTransient() {
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(new IllegalArgumentException("bad")))
                .isFalse();
        assertThat(DeadLetterProcessingExceptionHandler.isTransient(new SerializationException("unreadable")))
                .isFalse();
    }

    @Test
    void refusesToStartWithoutARecoverer() {
        var handler = new DeadLetterProcessingExceptionHandler();

        assertThatThrownBy(() -> handler.configure(Map.of(DeadLetterProcessingExceptionHandler.RECOVERER, "nope")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(DeadLetterProcessingExceptionHandler.RECOVERER);
    }

    private void startRecording() {
        start((record, exception) -> {
            deadLetters.add(record);
            causes.add(exception);
        });
    }

    private void start(ConsumerRecordRecoverer recoverer) {
        var builder = new StreamsBuilder();
        builder.stream(AMOUNTS, Consumed.with(Serdes.String(), Serdes.Integer()))
                .process(FailingOnDemand::new)
                .to(ACCEPTED, Produced.with(Serdes.String(), Serdes.Integer()));
        driver = new TopologyTestDriver(
                builder.build(), TestDriverSettings.withDeadLetterHandlers("dead-letter-test", stateDir, recoverer));
        amounts = driver.createInputTopic(
                AMOUNTS, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        accepted = driver.createOutputTopic(
                ACCEPTED, Serdes.String().deserializer(), Serdes.Integer().deserializer());
    }

    private final class FailingOnDemand implements Processor<String, Integer, String, Integer> {

        private ProcessorContext<String, Integer> context;

        @Override
        public void init(ProcessorContext<String, Integer> context) {
            this.context = context;
            context.schedule(PUNCTUATION_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
                if (punctuations.incrementAndGet() == 1) {
                    throw new IllegalStateException("first punctuation fails");
                }
            });
        }

        @Override
        public void process(Record<String, Integer> record) {
            if (record.value() < 0) {
                throw new IllegalArgumentException("amount must not be negative: " + record.value());
            }
            if (record.value() == 0) {
                throw new ProcessorStateException("state store unavailable");
            }
            context.forward(record);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] amount(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }
}
