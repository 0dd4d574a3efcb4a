package pos.api.identity.account;

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
import pos.api.web.FieldError;

import java.util.Map;

/** {@code POST /auth/register} and {@code POST /auth/login} (JSON, urlencoded form or multipart form). */
@RestController
class AuthController {

    private final Registrations registrations;
    private final Logins logins;
    private final Validator validator;

    AuthController(Registrations registrations, Logins logins, Validator validator) {
        this.registrations = registrations;
        this.logins = logins;
        this.validator = validator;
    }

    /** Answers the original's {@code {"id", "username"}}; an admin token may ask for a higher role. */
    @PostMapping("/auth/register")
    Map<String, String> register(@Valid @RequestBody RegisterRequest request, @AuthenticationPrincipal Jwt jwt) {
        var account = registrations.register(request, jwt == null ? null : CurrentUser.from(jwt));
        return Map.of("id", account.id(), "username", account.username());
    }

    @PostMapping(value = "/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TokenResponse> loginJson(@Valid @RequestBody LoginRequest request) {
        return login(request);
    }

    @PostMapping(value = "/auth/login",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<TokenResponse> loginForm(@RequestParam MultiValueMap<String, String> form) {
        var request = new LoginRequest(blankToNull(form.getFirst("username")), blankToNull(form.getFirst("password")),
                form.getFirst("grant_type"));
        var errors = validator.validate(request).stream()
                .map(v -> new FieldError(formName(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed").with("errors", errors);
        }
        return login(request);
    }

    private ResponseEntity<TokenResponse> login(LoginRequest request) {
        var token = logins.login(request.username(), request.password());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.value(), "bearer", token.expiresInSeconds()));
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    private static String formName(String property) {
        return "grantType".equals(property) ? "grant_type" : property;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
