package pos.api.web;

import java.util.List;
import pos.schemas.value.Ids;

/** Ids in paths, queries and bodies are 24-hex ObjectIds; anything else is a 400 naming the parameter. */
public final class PathIds {

    private PathIds() {}

    public static String objectId(String value, String name) {
        if (!Ids.isObjectId(value)) {
            throw ApiException.badRequest("Invalid " + name)
                    .with("errors", List.of(new FieldError(name, "must be a 24-character hex ObjectId")));
        }
        return value.toLowerCase();
    }

    /** For optional filters: null or blank means no filter. */
    public static String optionalObjectId(String value, String name) {
        return value == null || value.isBlank() ? null : objectId(value, name);
    }
}
