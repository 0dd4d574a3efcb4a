package pos.api.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on, rendered as an RFC 9457 problem ({@link ProblemJson#of(ApiException)}) by
 * {@link ProblemDetailsAdvice}. The detail carries the original service's message where one existed ("SKU already
 * exists", "Order not found"...).
 */
public class ApiException extends RuntimeException {

    private static final Set<String> RESERVED_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final HttpStatus status;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    /**
     * Adds a member to the problem body, for example {@code shortages} or {@code errors}. RFC 9457's own members
     * are refused: an extension named {@code status} would be written next to the HTTP status, twice in one object.
     */
    public ApiException with(String name, Object value) {
        if (RESERVED_MEMBERS.contains(name)) {
            throw new IllegalArgumentException(name + " is a member of every problem; name the extension otherwise");
        }
        properties.put(name, value);
        return this;
    }

    /** Sent as the Retry-After header, in whole seconds rounded up (at least 1). */
    public ApiException retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public Optional<String> retryAfterSeconds() {
        return Optional.ofNullable(retryAfter).map(delay -> Long.toString(retryAfterSeconds(delay)));
    }

    /** A Retry-After header's value: whole seconds (it has no fractions), rounded up, at least 1. */
    public static long retryAfterSeconds(Duration delay) {
        long seconds = delay.toSeconds() + (delay.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
