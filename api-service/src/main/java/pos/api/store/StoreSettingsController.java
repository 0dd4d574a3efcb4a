package pos.api.store;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pos.api.identity.CurrentUser;

/** A store's settings: an admin, or a manager of that store, reads and changes them. */
@RestController
@RequestMapping("/stores/{storeId}/settings")
@Tag(name = "Stores")
@ApiResponse(responseCode = "403", description = "Not a manager or admin")
@ApiResponse(responseCode = "404", description = "Store not found: not one of the caller's stores")
class StoreSettingsController {

    private final StoreSettingsBook settings;

    StoreSettingsController(StoreSettingsBook settings) {
        this.settings = settings;
    }

    @Operation(
            summary = "Get a store's settings",
            description = "A store nobody configured answers the " + "defaults: no order expiry.")
    @ApiResponse(responseCode = "200", description = "The settings")
    @GetMapping
    StoreSettingsResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable String storeId) {
        return StoreSettingsResponse.of(settings.get(CurrentUser.from(jwt).requireStoreFromPath(storeId)));
    }

    @Operation(
            summary = "Change a store's settings",
            description = "Replaces them. `order_expiry_seconds`: a "
                    + "`created` order nobody confirmed within it is cancelled by the store ledger with `cancel_reason: "
                    + "\"expired\"` and its stock released; it applies to orders created from now on. Null turns it off "
                    + "(orders already waiting are then left alone).")
    @ApiResponse(responseCode = "200", description = "The settings now in force")
    @ApiResponse(responseCode = "503", description = "Kafka did not take the change; nothing changed")
    @PutMapping
    StoreSettingsResponse put(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String storeId,
            @Valid @RequestBody StoreSettingsRequest request) {
        var caller = CurrentUser.from(jwt);
        return StoreSettingsResponse.of(settings.put(caller.requireStoreFromPath(storeId), request, caller));
    }
}
