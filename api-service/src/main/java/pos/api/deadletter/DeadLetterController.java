package pos.api.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pos.api.identity.CurrentUser;
import pos.api.web.ApiException;
import pos.api.web.FieldError;
import pos.api.web.Paging;

/**
 * Dead letters an operator can fix: list them with why they failed, send them back to their topic, or drop them
 * with a reason. Admins with every store only: a dead letter may hold any store's record.
 */
@RestController
@RequestMapping("/admin/dead-letters")
@Tag(name = "Dead letters")
@ApiResponse(responseCode = "403", description = "Not an admin with every store")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(
            summary = "List dead letters",
            description = "Newest first. `topic` is the topic the records "
                    + "came from (for example `pos.inventory.commands.v1`).")
    @ApiResponse(responseCode = "200", description = "The dead letters, plain array")
    @GetMapping
    ResponseEntity<List<DeadLetterResponse>> list(
            @AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "only the dead letters of this source topic") @RequestParam(required = false)
                    String topic,
            @Parameter(description = "items to skip, 0 or more") @RequestParam(required = false) Integer skip,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit) {
        operator(jwt);
        var source = topic == null ? Optional.<String>empty() : Optional.of(source(topic));
        var paging = Paging.of(skip, limit, 20);
        return ResponseEntity.ok()
                .headers(Paging.totalCount(deadLetters.count(source)))
                .body(deadLetters.list(source, paging.skip(), paging.limit()).stream()
                        .map(DeadLetterResponse::of)
                        .toList());
    }

    @Operation(summary = "Get a dead letter")
    @ApiResponse(responseCode = "200", description = "The dead letter")
    @ApiResponse(responseCode = "404", description = "Dead letter not found")
    @GetMapping("/{id}")
    DeadLetterResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        operator(jwt);
        return DeadLetterResponse.of(deadLetters.get(id));
    }

    @Operation(
            summary = "Re-drive a dead letter",
            description = "Publishes the original key, value and headers "
                    + "to the original topic, marked `pos-redrive-of: <id>`. Processors deduplicate commands by id, so a "
                    + "command already applied changes nothing; a record that fails again becomes a new dead letter.")
    @ApiResponse(responseCode = "200", description = "Re-driven: the dead letter, now `redriven`")
    @ApiResponse(responseCode = "404", description = "Dead letter not found")
    @ApiResponse(
            responseCode = "409",
            description = "Already re-driven or discarded, or older than the " + "dead-letter retention")
    @ApiResponse(responseCode = "503", description = "Kafka did not take it; the dead letter stays open")
    @PostMapping("/{id}/redrive")
    DeadLetterResponse redrive(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return DeadLetterResponse.of(deadLetters.redrive(id, operator(jwt).username()));
    }

    @Operation(
            summary = "Re-drive every open dead letter of a topic",
            description = "Oldest first; dead letters " + "older than the dead-letter retention stay open.")
    @ApiResponse(responseCode = "200", description = "How many were re-driven")
    @ApiResponse(responseCode = "503", description = "Kafka did not take one; it and the rest stay open")
    @PostMapping("/redrive")
    DeadLetterResponse.Redriven redriveAll(
            @AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "the source topic, required") @RequestParam(required = false) String topic) {
        var caller = operator(jwt);
        if (topic == null) {
            throw ApiException.badRequest("topic is required")
                    .with("errors", List.of(new FieldError("topic", "must not be null")));
        }
        return new DeadLetterResponse.Redriven(deadLetters.redriveAll(source(topic), caller.username()));
    }

    @Operation(
            summary = "Discard a dead letter",
            description = "Kept, marked `discarded` with who and why; never " + "re-driven.")
    @ApiResponse(responseCode = "200", description = "The dead letter, now `discarded`")
    @ApiResponse(responseCode = "404", description = "Dead letter not found")
    @ApiResponse(responseCode = "409", description = "Already re-driven or discarded")
    @DeleteMapping("/{id}")
    DeadLetterResponse discard(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String id, @Valid @RequestBody DiscardRequest request) {
        return DeadLetterResponse.of(
                deadLetters.discard(id, request.reason(), operator(jwt).username()));
    }

    private static CurrentUser operator(Jwt jwt) {
        var caller = CurrentUser.from(jwt);
        if (!caller.isAdmin() || !caller.storeAccess().everyStore()) {
            throw ApiException.forbidden("Only an admin with every store may handle dead letters");
        }
        return caller;
    }

    private static String source(String topic) {
        return DeadLetterTopics.source(topic)
                .orElseThrow(() -> ApiException.badRequest("Unknown topic")
                        .with(
                                "errors",
                                List.of(new FieldError("topic", "must be one of " + DeadLetterTopics.sources()))));
    }
}
