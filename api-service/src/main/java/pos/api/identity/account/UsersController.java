package pos.api.identity.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pos.api.identity.CurrentUser;
import pos.api.web.Paging;

/** Users as the original exposed them, plus the admin list, update and deactivation. */
@RestController
@Tag(name = "Users")
class UsersController {

    private final UserAdministration users;

    UsersController(UserAdministration users) {
        this.users = users;
    }

    @Operation(summary = "The caller's own user")
    @ApiResponse(responseCode = "200", description = "The user")
    @ApiResponse(responseCode = "404", description = "User not found (tokens of an external issuer have no user)")
    @GetMapping("/users/me")
    UserResponse me(@AuthenticationPrincipal Jwt jwt) {
        return UserResponse.of(users.me(CurrentUser.from(jwt)));
    }

    @Operation(summary = "Get a user", description = "The user itself, or any user for an admin.")
    @ApiResponse(responseCode = "200", description = "The user")
    @ApiResponse(responseCode = "403", description = "Only an admin may read another user")
    @ApiResponse(responseCode = "404", description = "User not found")
    @GetMapping("/users/{id}")
    UserResponse get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return UserResponse.of(users.get(id, CurrentUser.from(jwt)));
    }

    @Operation(summary = "List users")
    @GetMapping("/users")
    ResponseEntity<List<UserResponse>> list(
            @Parameter(description = "items to skip, 0 or more") @RequestParam(required = false) Integer skip,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal Jwt jwt) {
        var paging = Paging.of(skip, limit, 20);
        var page = users.list(paging.skip(), paging.limit(), CurrentUser.from(jwt)).stream()
                .map(UserResponse::of)
                .toList();
        return ResponseEntity.ok().headers(Paging.totalCount(users.count())).body(page);
    }

    @Operation(
            summary = "Change a user",
            description = "Absent members stay; `store_ids: []` clears the list. A "
                    + "change of role or stores, or deactivation, makes the user's tokens invalid at once.")
    @ApiResponse(responseCode = "200", description = "The user after the change")
    @ApiResponse(responseCode = "404", description = "User not found")
    @ApiResponse(responseCode = "409", description = "An admin cannot deactivate or demote their own account")
    @PatchMapping("/users/{id}")
    UserResponse update(
            @PathVariable String id, @Valid @RequestBody UpdateUserRequest request, @AuthenticationPrincipal Jwt jwt) {
        return UserResponse.of(users.update(id, request, CurrentUser.from(jwt)));
    }

    @Operation(
            summary = "Deactivate a user",
            description = "Not erased: `active` becomes false and the user's " + "tokens stop working at once.")
    @ApiResponse(responseCode = "200", description = "The user, now `\"active\": false`")
    @ApiResponse(responseCode = "404", description = "User not found")
    @ApiResponse(responseCode = "409", description = "An admin cannot deactivate their own account")
    @DeleteMapping("/users/{id}")
    UserResponse deactivate(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return UserResponse.of(users.deactivate(id, CurrentUser.from(jwt)));
    }
}
