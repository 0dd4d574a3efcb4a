package pos.api.identity.domain;

import java.util.Locale;

/** Usernames and emails are unique without regard to case: this is the form they are compared (and indexed) in. */
public final class AccountKeys {

    private AccountKeys() {}

    public static String normalise(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
