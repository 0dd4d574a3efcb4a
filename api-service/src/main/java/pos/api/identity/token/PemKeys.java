package pos.api.identity.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** PKCS#8 PEM ("BEGIN PRIVATE KEY") reading and writing for RSA keys, with the JDK only. */
final class PemKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemKeys() {}

    static String toPem(RSAPrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }

    static SigningKey fromPem(String pem, String source) {
        if (!pem.contains(BEGIN)) {
            throw new IllegalStateException(source + " is not a PKCS#8 PEM private key (expected '" + BEGIN
                    + "'; convert with: openssl pkcs8 -topk8 -nocrypt)");
        }
        String base64 = pem.substring(pem.indexOf(BEGIN) + BEGIN.length(), pem.indexOf(END))
                .replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            var publicKey = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new SigningKey(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException(source + " does not hold a usable RSA private key", e);
        }
    }
}
