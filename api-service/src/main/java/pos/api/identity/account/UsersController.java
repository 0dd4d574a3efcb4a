package pos.api.identity.account;

import jakarta.validation.Valid;
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

import java.util.List;

/** Users as the original exposed them, plus the admin list, update and deactivation. */
@RestController
class UsersController {

    private final UserAdministration users;

    UsersController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping("/users/me")
    UserResponse me(@AuthenticationPrincipal Jwt jwt) {
        return UserResponse.of(users.me(CurrentUser.from(jwt)));
    }

    @GetMapping("/users/{id}")
    UserResponse get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return UserResponse.of(users.get(id, CurrentUser.from(jwt)));
    }

    @GetMapping("/users")
    ResponseEntity<List<UserResponse>> list(@RequestParam(required = false) Integer skip,
            @RequestParam(required = false) Integer limit, @AuthenticationPrincipal Jwt jwt) {
        var paging = Paging.of(skip, limit, 20);
        var page = users.list(paging.skip(), paging.limit(), CurrentUser.from(jwt)).stream()
                .map(UserResponse::of).toList();
        return ResponseEntity.ok().headers(Paging.totalCount(users.count())).body(page);
    }

    @PatchMapping("/users/{id}")
    UserResponse update(@PathVariable String id, @Valid @RequestBody UpdateUserRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return UserResponse.of(users.update(id, request, CurrentUser.from(jwt)));
    }

    @DeleteMapping("/users/{id}")
    UserResponse deactivate(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return UserResponse.of(users.deactivate(id, CurrentUser.from(jwt)));
    }
}
