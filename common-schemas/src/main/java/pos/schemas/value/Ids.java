package pos.schemas.value;

import java.util.Objects;
import java.util.regex.Pattern;

/** Entity ids are 24-hex MongoDB ObjectId strings, lower-case on the wire. */
public final class Ids {

    private static final Pattern OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");

    private Ids() {}

    public static boolean isObjectId(String value) {
        return value != null && OBJECT_ID.matcher(value).matches();
    }

    public static String requireObjectId(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!isObjectId(value)) {
            throw new IllegalArgumentException(what + " must be a 24-hex ObjectId: " + value);
        }
        return value.toLowerCase();
    }
}
