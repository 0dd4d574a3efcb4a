package pos.api.deadletter;

import java.util.List;
import java.util.Optional;
import pos.schemas.Topics;

/** The dead-letter topics the API shows, and the source topics an operator names them by. */
public final class DeadLetterTopics {

    private DeadLetterTopics() {}

    /** For the listener's {@code topics} expression. */
    public static String[] names() {
        return Topics.withDeadLetters().stream().map(Topics::deadLetter).toArray(String[]::new);
    }

    /** The source topic an operator named, if it is one with a dead-letter topic. */
    static Optional<String> source(String topic) {
        return Topics.withDeadLetters().contains(topic) ? Optional.of(topic) : Optional.empty();
    }

    static List<String> sources() {
        return Topics.withDeadLetters();
    }

    /** The source topic of a dead-letter topic, for a record whose headers do not say. */
    static String sourceOf(String deadLetterTopic) {
        return deadLetterTopic.endsWith(Topics.DEAD_LETTER_SUFFIX)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - Topics.DEAD_LETTER_SUFFIX.length())
                : deadLetterTopic;
    }
}
