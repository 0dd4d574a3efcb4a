package pos.api.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import pos.api.deadletter.domain.DeadLetterRules;

/** Body of {@code DELETE /admin/dead-letters/{id}}: why the record is dropped, kept with it and logged. */
record DiscardRequest(
        @NotBlank @Size(max = DeadLetterRules.MAX_REASON_LENGTH)
        String reason) {}
