package pos.api.web;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the API returns is {@code application/problem+json}. Spring MVC's own exceptions (unreadable body,
 * wrong method or media type, unknown path) come through {@link ResponseEntityExceptionHandler}; validation adds
 * an {@code errors} array of {@code {field, message}}; MongoDB out of reach is a 503 with Retry-After; anything
 * unexpected is a logged 500 without internals.
 * Every body is built by {@link ProblemJson}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** How long a client waits before retrying a request that found MongoDB out of reach. */
    static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(1);

    static final String DATABASE_UNREACHABLE = "The database is unavailable or overloaded; retry later";

    private final AtMostEvery databaseWarning = new AtMostEvery(Duration.ofSeconds(10));

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handle(ApiException e) {
        var answer = ResponseEntity.status(e.status());
        e.retryAfterSeconds().ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, seconds));
        return answer.body(ProblemJson.of(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(invalidValue(e.getName()));
    }

    /**
     * Tomcat refuses query or form parameters it cannot decode ({@code %zz}, a bare {@code =}) only when the
     * application asks for them, with this exception; it is the client's malformed request, not a server error.
     * Matched by name so the advice does not depend on the servlet container.
     */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> handle(IllegalStateException e) {
        if (e.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
            return ResponseEntity.badRequest()
                    .body(ProblemJson.of(HttpStatus.BAD_REQUEST, "Malformed query or form parameters"));
        }
        return handleUnexpected(e);
    }

    /**
     * A multipart body that cannot be parsed (no boundary, truncated parts) is the client's error too; the
     * oversized upload (a subclass) keeps Spring's own 413 handler, which matches it more closely.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handle(MultipartException e) {
        return ResponseEntity.badRequest().body(ProblemJson.of(HttpStatus.BAD_REQUEST, "Malformed multipart body"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        if (isDatabaseUnreachable(e)) {
            return databaseUnreachable(e);
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(ProblemJson.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(wireName(f.getField()), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().headers(headers).body(validationFailed(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(
                                wireName(r.getMethodParameter().getParameterName()), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().headers(headers).body(validationFailed(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (hasCause(e, RequestBodyTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .headers(headers)
                    .body(ProblemJson.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large"));
        }
        String field = mismatchedField(e);
        if (field != null) {
            return ResponseEntity.badRequest().headers(headers).body(invalidValue(field));
        }
        return ResponseEntity.badRequest()
                .headers(headers)
                .body(ProblemJson.of(HttpStatus.BAD_REQUEST, readableCause(e)));
    }

    private static ProblemDetail invalidValue(String field) {
        return ProblemJson.of(
                HttpStatus.BAD_REQUEST,
                "Invalid value for " + field,
                Map.of("errors", List.of(new FieldError(field, "invalid value"))));
    }

    private static ProblemDetail validationFailed(List<FieldError> errors) {
        return ProblemJson.of(HttpStatus.BAD_REQUEST, "Validation failed", Map.of("errors", errors));
    }

    /**
     * MongoDB unreachable, timing out or overloaded past the driver's patience (a heartbeat that timed out pauses
     * the connection pool, which fails every operation waiting on it): the request did nothing it did not undo, so
     * the client may retry it, with the same Idempotency-Key. Not a server error to page someone with per request:
     * logged at most once every 10 s, and the database's own health shows in readiness.
     */
    static boolean isDatabaseUnreachable(Throwable e) {
        return hasCause(e, DataAccessResourceFailureException.class)
                || hasCause(e, MongoSocketException.class)
                || hasCause(e, MongoTimeoutException.class)
                || hasCause(e, MongoConnectionPoolClearedException.class)
                || hasCause(e, MongoServerUnavailableException.class);
    }

    private ResponseEntity<ProblemDetail> databaseUnreachable(Exception e) {
        if (databaseWarning.now()) {
            log.warn("MongoDB is out of reach; answering 503 with Retry-After (logged at most every 10 s)", e);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ApiException.retryAfterSeconds(DATABASE_RETRY_AFTER)))
                .body(ProblemJson.of(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNREACHABLE));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Java property paths ({@code items[0].productId}) as the snake_case names clients send. */
    static String wireName(String javaPath) {
        return javaPath == null
                ? null
                : javaPath.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The JSON path of a value of the wrong type, or beyond a parser limit, as the client wrote it ({@code items[0].qty}), or null. Built from
     * the path's names and indexes only: Jackson's own path reference names Java classes
     * ({@code java.util.ArrayList[0]}), which must not leak.
     */
    static String mismatchedField(HttpMessageNotReadableException e) {
        // also a value over a parser limit (a number of a million digits), which Jackson refuses mid-object
        if (!(e.getMostSpecificCause() instanceof tools.jackson.core.JacksonException mismatch)
                || mismatch.getPath().isEmpty()) {
            return null;
        }
        var path = new StringBuilder();
        for (var reference : mismatch.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** Says what was wrong without echoing parser internals or class names. */
    private static String readableCause(HttpMessageNotReadableException e) {
        if (e.getMostSpecificCause() instanceof tools.jackson.core.JacksonException) {
            return "Malformed JSON body";
        }
        return "Unreadable request body";
    }
}
