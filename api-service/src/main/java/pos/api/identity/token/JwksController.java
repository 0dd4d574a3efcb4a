package pos.api.identity.token;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public half of the signing key, so other services (and clients) can verify our tokens themselves. */
@RestController
class JwksController {

    private final Map<String, Object> jwks;

    JwksController(SigningKey key) {
        this.jwks = new com.nimbusds.jose.jwk.JWKSet(key.publicJwk()).toJSONObject(true);
    }

    @io.swagger.v3.oas.annotations.Operation(
            summary = "Public keys that verify our access tokens (JWKS)",
            tags = "Accounts")
    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(jwks);
    }
}
