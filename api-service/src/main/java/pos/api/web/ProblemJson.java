package pos.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's one RFC 9457 {@code application/problem+json} body: {@code type} (always {@code about:blank}),
 * {@code title} (the status's reason phrase), {@code status}, {@code detail}, {@code instance} when known, then the
 * extension members ({@code errors}, {@code shortages}...). Every path builds it here:
 * <ul>
 *     <li>Spring MVC (the controller advice, controller-local handlers) renders {@link #of} with its converters;</li>
 *     <li>what answers before or outside the DispatcherServlet (request filters, the security entry point and
 *     access-denied handler, the servlet error page, Tomcat's error report valve) {@link #write}s it;</li>
 *     <li>responses stored for an Idempotency-Key are rendered to text with {@link #body(JsonMapper, HttpStatusCode,
 *     String, Map)}, with the application's mapper so extension members read as in every other answer.</li>
 * </ul>
 */
public final class ProblemJson {

    public static final String ABOUT_BLANK = "about:blank";

    private static final URI ABOUT_BLANK_TYPE = URI.create(ABOUT_BLANK);

    /** Strings and numbers only: the members of a problem written outside Spring MVC need no modules. */
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private ProblemJson() {}

    /** The problem Spring MVC renders; it adds {@code instance} (the request path) itself. */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return of(status, detail, Map.of());
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, Map<String, ?> extensions) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ABOUT_BLANK_TYPE);
        extensions.forEach(problem::setProperty);
        return problem;
    }

    /** An {@link ApiException}'s problem: its status, its message as the detail, its extension members. */
    public static ProblemDetail of(ApiException e) {
        return of(e.status(), e.getMessage(), e.properties());
    }

    /** The body as text, extension members written by {@code json} (the application's mapper); no instance. */
    public static String body(JsonMapper json, HttpStatusCode status, String detail, Map<String, ?> extensions) {
        return json.writeValueAsString(members(status.value(), detail, null, extensions));
    }

    /** The body as text, for a problem without extension members; {@code instance} is left out when null. */
    public static String body(int status, String detail, String instance) {
        return PLAIN.writeValueAsString(members(status, detail, instance, Map.of()));
    }

    /**
     * Writes the problem unless the response is already committed (then nothing can be said any more). Headers
     * already set (WWW-Authenticate, Connection) are kept; anything already buffered for the body is not.
     */
    public static void write(HttpServletResponse response, int status, String detail, String instance)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = body(status, detail, instance).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    static String title(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    private static Map<String, Object> members(int status, String detail, String instance, Map<String, ?> extensions) {
        var members = new LinkedHashMap<String, Object>();
        members.put("type", ABOUT_BLANK);
        members.put("title", title(status));
        members.put("status", status);
        members.put("detail", detail);
        if (instance != null) {
            members.put("instance", instance);
        }
        members.putAll(extensions);
        return members;
    }
}
