package pos.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The POS API over real HTTP, as a till or a browser sees it: JSON bodies, a bearer token, any extra headers
 * (an {@link #idempotencyKey Idempotency-Key}, say), and answers as status, headers and body. Immutable: {@link
 * #withToken}, {@link #from} and {@link #withTimeout} give a copy; all share one connection pool.
 */
public final class ApiClient {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One connection pool for every client: HttpClient is thread-safe and meant to be shared. */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;
    private final String forwardedFor;
    private final Duration timeout;

    private ApiClient(String baseUrl, String token, String forwardedFor, Duration timeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.forwardedFor = forwardedFor;
        this.timeout = timeout;
    }

    /** An anonymous client of {@code baseUrl}, e.g. {@code http://localhost:8080}. */
    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, null, null, Duration.ofSeconds(30));
    }

    public static ApiClient onLocalPort(int port) {
        return at("http://localhost:" + port);
    }

    /** The header map for one idempotent request. */
    public static Map<String, String> idempotencyKey(String key) {
        return Map.of(IDEMPOTENCY_KEY, key);
    }

    /** The same API with a bearer token; null for none. */
    public ApiClient withToken(String token) {
        return new ApiClient(baseUrl, token, forwardedFor, timeout);
    }

    /**
     * The same API as seen from another client address, sent as X-Forwarded-For (the API's tests trust the loopback
     * address as a proxy).
     */
    public ApiClient from(String clientAddress) {
        return new ApiClient(baseUrl, token, clientAddress, timeout);
    }

    /** How long a request may wait for its answer. */
    public ApiClient withTimeout(Duration timeout) {
        return new ApiClient(baseUrl, token, forwardedFor, timeout);
    }

    public String token() {
        return token;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Response delete(String path, Object body) {
        return send("DELETE", path, body, Map.of());
    }

    /**
     * @param body a JSON string as is, any other object serialised to JSON, or null for no body
     * @throws UncheckedIOException when no answer comes (refused, reset, timed out)
     */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        var request = request(path);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return exchange(request.build());
    }

    /** As {@link #send}, but no answer (refused while the API restarts, a reset, a timeout) is empty. */
    public Optional<Response> attempt(String method, String path, Object body, Map<String, String> headers) {
        try {
            return Optional.of(send(method, path, body, headers));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    public Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return exchange(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response multipart(String path, Map<String, String> fields) {
        String boundary = "----pos" + UUID.randomUUID().toString().replace("-", "");
        var body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return exchange(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** Registers {@code username} (the first account of an empty system is an admin) and logs in as it. */
    public ApiClient registerAndLogin(String username) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", username);
        fields.put("email", username + "@example.com");
        fields.put("username", username);
        fields.put("password", password(username));
        var registered = withToken(null).post("/auth/register", fields);
        if (registered.status() != 200) {
            throw new IllegalStateException("register failed: " + registered);
        }
        return login(username);
    }

    /** Logs in as an account registered by {@link #registerAndLogin}. */
    public ApiClient login(String username) {
        var login = withToken(null).post("/auth/login", Map.of("username", username, "password", password(username)));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        return withToken(login.text("access_token"));
    }

    private static String password(String username) {
        return "secret-" + username;
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder;
    }

    private Response exchange(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An answer: {@code body} as text, {@link #json()} as a tree. */
    public record Response(int status, HttpHeaders headers, String body) {

        /** The body as JSON; null for an empty body. */
        public JsonNode json() {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        }

        /** A text field down a path of object fields, e.g. {@code text("order", "id")}; null where absent. */
        public String text(String... path) {
            JsonNode node = json();
            for (String field : path) {
                node = node == null ? null : node.get(field);
            }
            return node == null || node.isNull() ? null : node.asString();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
