package pos.api.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Signed, wrongly signed and tampered tokens for tests that check what the API refuses. */
public final class ForgedTokens {

    private ForgedTokens() {}

    /** RS256 with the given key: the API's own key makes a valid token, any other a forgery. */
    public static String rs256(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** HS256 with a secret the API never had (the algorithm-confusion attempt). */
    public static String hs256(JWTClaimsSet claims) throws JOSEException {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("an-hmac-secret-that-is-at-least-32-bytes".getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** The payload swapped for one claiming admin; header and signature kept. */
    public static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user\"", "\"admin\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }
}
