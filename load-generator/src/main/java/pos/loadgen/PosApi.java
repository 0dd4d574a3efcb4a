package pos.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The POS REST API as many tills would call it at once, over a {@link Transport}: Apache HttpClient 5 for the
 * benchmark ({@link ApacheTransport}), the JDK's client for the smoke test ({@link #jdk}).
 */
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

    /** Sends one request: method, absolute URI, headers and a JSON body (null for none). */
    interface Transport {

        CompletableFuture<Reply> send(String method, URI uri, Map<String, String> headers, String jsonBody);
    }

    private final URI baseUrl;
    private final Transport transport;

    PosApi(URI baseUrl, HttpClient http, Duration requestTimeout) {
        this(baseUrl, jdk(http, requestTimeout));
    }

    PosApi(URI baseUrl, Transport transport) {
        this.baseUrl = baseUrl;
        this.transport = transport;
    }

    CompletableFuture<Reply> get(String path, String token) {
        return transport.send("GET", uri(path), auth(token), null);
    }

    CompletableFuture<Reply> post(String path, String token, Object body, Map<String, String> headers) {
        var all = new LinkedHashMap<>(auth(token));
        all.putAll(headers);
        return transport.send("POST", uri(path), all, JSON.writeValueAsString(body));
    }

    CompletableFuture<Reply> patch(String path, String token, Object body) {
        return transport.send("PATCH", uri(path), auth(token), JSON.writeValueAsString(body));
    }

    /** The JDK's HTTP client: what the smoke test uses. */
    static Transport jdk(HttpClient http, Duration requestTimeout) {
        return (method, uri, headers, jsonBody) -> {
            var builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
            headers.forEach(builder::header);
            if (jsonBody == null) {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
            }
            return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Reply(response.statusCode(), response.body(), response.headers()));
        };
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

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static Map<String, String> auth(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }
}
