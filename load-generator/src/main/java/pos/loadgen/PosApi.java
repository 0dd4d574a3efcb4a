package pos.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The POS REST API over the JDK's asynchronous HTTP client, as many tills would call it at once. */
final class PosApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: status, body text (parsed on demand) and headers. */
    record Reply(int status, String body, HttpHeaders headers) {

        JsonNode json() {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        boolean header(String name, String value) {
            return headers.firstValue(name).map(value::equalsIgnoreCase).orElse(false);
        }
    }

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;

    PosApi(URI baseUrl, HttpClient http, Duration requestTimeout) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    CompletableFuture<Reply> get(String path, String token) {
        return send(request(path, token).GET());
    }

    CompletableFuture<Reply> post(String path, String token, Object body, Map<String, String> headers) {
        var builder = request(path, token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder);
    }

    CompletableFuture<Reply> patch(String path, String token, Object body) {
        return send(request(path, token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"));
    }

    /** For setup: waits for the answer. */
    static Reply await(CompletableFuture<Reply> reply) {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("request failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The kind of a failed request for the error table: the exception class, without CompletableFuture's wrapper. */
    static String failureKind(Throwable error) {
        var cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private CompletableFuture<Reply> send(HttpRequest.Builder builder) {
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), response.body(), response.headers()));
    }
}
