package pos.api.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A dead letter as the operator sees it. Key, value and header values are shown as UTF-8 text (bytes that are not
 * UTF-8 show as replacement characters); the value at most {@link #VALUE_PREVIEW} characters, with its size.
 */
record DeadLetterResponse(
        @Schema(description = "`<dead-letter topic>-<partition>-<offset>`")
        String id,

        @Schema(description = "`open`, `redriven` or `discarded`")
        String status,

        @Schema(description = "the topic the record was read from and is re-driven to")
        String topic,

        int partition,
        long offset,
        String key,
        List<HeaderText> headers,
        Failure failure,
        String value,
        int valueSize,
        String deadLetterTopic,
        Instant deadLetteredAt,

        @Schema(description = "the dead letter this record was re-driven from, when it failed again")
        String redriveOf,

        String handledBy,
        Instant handledAt,
        @Schema(description = "why it was discarded") String reason) {

    static final int VALUE_PREVIEW = 4000;

    record HeaderText(String key, String value) {}

    /** @param exception the exception's class, {@code message} its message and {@code cause} its cause's class */
    record Failure(String exception, String message, String cause) {}

    /** {@code POST /admin/dead-letters/redrive}'s answer. */
    record Redriven(int redriven) {}

    static DeadLetterResponse of(DeadLetterDocument d) {
        String value = text(d.value());
        return new DeadLetterResponse(
                d.id(),
                d.status(),
                d.topic(),
                d.partition(),
                d.offset(),
                text(d.key()),
                d.headers() == null
                        ? List.of()
                        : d.headers().stream()
                                .map(h -> new HeaderText(h.key(), text(h.value())))
                                .toList(),
                new Failure(d.exception(), d.message(), d.cause()),
                value != null && value.length() > VALUE_PREVIEW ? value.substring(0, VALUE_PREVIEW) : value,
                d.value() == null ? 0 : d.value().length,
                d.deadLetterTopic(),
                d.deadLetteredAt(),
                d.redriveOf(),
                d.handledBy(),
                d.handledAt(),
                d.reason());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
