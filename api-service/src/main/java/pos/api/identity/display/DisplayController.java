package pos.api.identity.display;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import pos.api.identity.CurrentUser;
import pos.api.web.ApiException;
import pos.api.web.PathIds;

/** Pairs kitchen screens with a store: managers and admins of that store only. */
@RestController
@RequestMapping("/stores/{storeId}/displays")
@Tag(name = "Kitchen display")
class DisplayController {

    private final DisplayTokens displays;
    private final DisplayProperties properties;

    DisplayController(DisplayTokens displays, DisplayProperties properties) {
        this.displays = displays;
        this.properties = properties;
    }

    @Operation(
            summary = "Pair a kitchen display",
            description = "Answers a display token scoped to this store (POS_DISPLAY_TOKEN_TTL, 7 days): it reads "
                    + "the store's order stream and moves its orders to their next status, nothing else. It works "
                    + "while the pairing manager or admin is active and may act on the store, until revoked.")
    @ApiResponse(responseCode = "201", description = "Paired: the token is in this answer only")
    @ApiResponse(responseCode = "404", description = "Store not found: not one of the caller's stores")
    @ApiResponse(responseCode = "409", description = "The store already has the most displays allowed (100)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DisplayResponse pair(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String storeId,
            @Valid @RequestBody PairDisplayRequest request) {
        var caller = CurrentUser.from(jwt);
        var store = caller.requireStoreFromPath(storeId);
        if (displays.count(store) >= DisplayTokens.MAX_PER_STORE) {
            throw ApiException.conflict(
                    "The store already has " + DisplayTokens.MAX_PER_STORE + " displays; revoke one first");
        }
        var paired = displays.pair(store, request.name().strip(), caller.userId(), properties.tokenTtl());
        return DisplayResponse.of(paired.display(), paired.token());
    }

    @Operation(summary = "List the store's paired displays", description = "Never with their tokens.")
    @ApiResponse(responseCode = "200", description = "The displays, oldest first")
    @ApiResponse(responseCode = "404", description = "Store not found: not one of the caller's stores")
    @GetMapping
    List<DisplayResponse> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String storeId) {
        return displays.list(CurrentUser.from(jwt).requireStoreFromPath(storeId)).stream()
                .map(d -> DisplayResponse.of(d, null))
                .toList();
    }

    @Operation(
            summary = "Revoke a display",
            description = "Its token stops working, and its open streams end, within seconds.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "Display not found, or store not one of the caller's")
    @DeleteMapping("/{displayId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String storeId, @PathVariable String displayId) {
        var store = CurrentUser.from(jwt).requireStoreFromPath(storeId);
        if (!displays.revoke(store, PathIds.objectId(displayId, "display_id"))) {
            throw ApiException.notFound("Display not found");
        }
    }
}
