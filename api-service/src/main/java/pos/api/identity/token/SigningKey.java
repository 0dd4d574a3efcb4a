package pos.api.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** The RSA key that signs access tokens; its id is the RFC 7638 thumbprint, so it is stable across restarts. */
public final class SigningKey {

    private final RSAKey jwk;

    public SigningKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        try {
            RSAKey withoutId = new RSAKey.Builder(publicKey).build();
            this.jwk = new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(withoutId.computeThumbprint().toString())
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key id", e);
        }
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    /** Private parts included: only for the encoder. */
    public RSAKey jwk() {
        return jwk;
    }

    public RSAKey publicJwk() {
        return jwk.toPublicJWK();
    }

    public RSAPublicKey publicKey() {
        try {
            return jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId() + "]";
    }
}
