package pos.api.identity.display;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A paired display; {@code token} only in the answer to the pairing, never again. */
@Schema(name = "Display")
record DisplayResponse(
        String id,
        String storeId,
        String name,
        String pairedBy,
        Instant createdAt,
        Instant expiresAt,

        @Schema(description = "The display token (`pdt_...`), shown once: send it as `Authorization: Bearer`")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String token) {

    static DisplayResponse of(DisplayTokens.Display d, String token) {
        return new DisplayResponse(d.id(), d.storeId(), d.name(), d.pairedBy(), d.createdAt(), d.expiresAt(), token);
    }
}
