package pos.api.identity.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pos.api.identity.CurrentUser;
import pos.api.web.ApiException;
import pos.api.web.ClientAddresses;
import pos.api.web.FieldError;
import pos.api.web.ProblemJson;

/** {@code POST /auth/register} and {@code POST /auth/login} (JSON, urlencoded form or multipart form). */
@RestController
@Tag(name = "Accounts")
class AuthController {

    /** The original's answer to a registration. */
    @Schema(name = "Registered")
    record Registered(String id, String username) {}

    private final Registrations registrations;
    private final Logins logins;
    private final ClientLimits limits;
    private final ClientAddresses clients;
    private final Validator validator;

    AuthController(
            Registrations registrations,
            Logins logins,
            ClientLimits limits,
            ClientAddresses clients,
            Validator validator) {
        this.registrations = registrations;
        this.logins = logins;
        this.limits = limits;
        this.clients = clients;
        this.validator = validator;
    }

    /** Answers the original's {@code {"id", "username"}}; an admin token may ask for a higher role. */
    @Operation(
            summary = "Register an account",
            description = "Without an admin's token the account is a cashier (`user`) with no store: it acts on no "
                    + "store until an admin grants stores. `role` manager or admin and `store_ids` need an admin's "
                    + "token, and never grant more than that admin's own stores. On the local stack only, the first "
                    + "account of an empty system becomes admin. Username and email are unique regardless of case. "
                    + "Registrations are limited per client address (429 with Retry-After).")
    @ApiResponse(responseCode = "200", description = "`{\"id\", \"username\"}` of the new account")
    @ApiResponse(
            responseCode = "400",
            description = "Validation failed, or `Username already exists` / " + "`Email already exists`")
    @ApiResponse(responseCode = "401", description = "An invalid token was sent")
    @ApiResponse(
            responseCode = "403",
            description = "Asking for manager or admin, or for stores, without an admin's "
                    + "token; or for stores beyond that admin's own")
    @ApiResponse(
            responseCode = "429",
            description = "Too many registrations from this address",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "seconds until the next one is taken",
                            schema = @Schema(type = "integer")))
    @PostMapping("/auth/register")
    Registered register(
            @Valid @RequestBody RegisterRequest request,
            @AuthenticationPrincipal Jwt jwt,
            @Parameter(hidden = true) HttpServletRequest http) {
        var caller = jwt == null ? null : CurrentUser.from(jwt);
        if (caller == null || !caller.isAdmin()) {
            limits.registration(clients.of(http));
        }
        var account = registrations.register(request, caller);
        return new Registered(account.id(), account.username());
    }

    @Operation(
            summary = "Log in: exchange username and password for an access token",
            description = "JSON, or the original's OAuth2 password-grant form (`grant_type`, when sent, must be "
                    + "`password`; `scope`, `client_id`, `client_secret` are ignored). After 5 failed logins for a "
                    + "username from one address, that address waits before its next try for that username: 1 s, "
                    + "then twice as long after each further failure, at most 15 min. Other addresses, the owner's "
                    + "included, are not held up. Logins per address are limited too.")
    @ApiResponse(
            responseCode = "200",
            description = "The access token",
            headers = @Header(name = "Cache-Control", schema = @Schema(type = "string", example = "no-store")))
    @ApiResponse(
            responseCode = "401",
            description = "Invalid credentials (wrong password, unknown username or " + "deactivated account)")
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed logins for this username from this "
                    + "address, or too many logins from this address",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "seconds until a login is taken again",
                            schema = @Schema(type = "integer")))
    @PostMapping(value = "/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> loginJson(
            @Valid @RequestBody LoginRequest request, @Parameter(hidden = true) HttpServletRequest http) {
        return login(request, http);
    }

    @PostMapping(
            value = "/auth/login",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    @Operation(summary = "Log in: exchange username and password for an access token")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                        schema = @Schema(implementation = LoginRequest.class)),
                @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                        schema = @Schema(implementation = LoginRequest.class))
            })
    ResponseEntity<TokenResponse> loginForm(
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> form,
            @Parameter(hidden = true) HttpServletRequest http) {
        var request = new LoginRequest(
                blankToNull(form.getFirst("username")),
                blankToNull(form.getFirst("password")),
                form.getFirst("grant_type"));
        var errors = validator.validate(request).stream()
                .map(v -> new FieldError(formName(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed").with("errors", errors);
        }
        return login(request, http);
    }

    private ResponseEntity<TokenResponse> login(LoginRequest request, HttpServletRequest http) {
        var client = clients.of(http);
        limits.login(client);
        var token = logins.login(request.username(), request.password(), client);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.value(), "bearer", token.expiresInSeconds()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> throttled(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ProblemJson.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    private static String formName(String property) {
        return "grantType".equals(property) ? "grant_type" : property;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
