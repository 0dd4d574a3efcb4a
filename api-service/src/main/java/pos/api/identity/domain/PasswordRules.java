package pos.api.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * At least 6 characters, and at most 72 UTF-8 bytes: bcrypt only reads 72 bytes, and silently ignoring the rest
 * (as the original did) would let "a long passphrase" match any string that shares its first 72 bytes.
 */
public final class PasswordRules {

    public static final int MIN_CHARACTERS = 6;
    public static final int MAX_BYTES = 72;

    private PasswordRules() {}

    /** Why this password is refused, or empty when it is acceptable. */
    public static Optional<String> violation(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("must be at least " + MIN_CHARACTERS + " characters");
        }
        if (!fitsBcrypt(password)) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return Optional.empty();
    }

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
