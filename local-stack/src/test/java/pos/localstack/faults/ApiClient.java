package pos.localstack.faults;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The POS API as a till sees it over HTTP. A call that gets no answer (connection refused while the API restarts,
 * a reset, a timeout) is an empty {@link Optional}: the caller decides whether to retry.
 */
final class ApiClient {

    record Response(int status, JsonNode body) {

        String text(String... path) {
            JsonNode node = body;
            for (String field : path) {
                node = node == null ? null : node.get(field);
            }
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final String token;

    ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Registers (the first account of an empty system is an admin) and logs in; retries until the API answers. */
    static ApiClient registerAdmin(String baseUrl, String username) {
        var anonymous = new ApiClient(baseUrl, null);
        var registered = anonymous.post("/auth/register", Map.of("name", username,
                "email", username + "@example.com", "username", username, "password", "secret-" + username),
                Map.of()).orElseThrow(() -> new IllegalStateException("API did not answer"));
        if (registered.status() != 200) {
            throw new IllegalStateException("register failed: " + registered);
        }
        var login = anonymous.post("/auth/login", Map.of("username", username, "password", "secret-" + username),
                Map.of()).orElseThrow(() -> new IllegalStateException("API did not answer"));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        return new ApiClient(baseUrl, login.text("access_token"));
    }

    Optional<Response> get(String path) {
        return send(request(path).GET());
    }

    Optional<Response> post(String path, Object body, Map<String, String> headers) {
        var builder = request(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder);
    }

    Optional<Response> patch(String path, Object body) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"));
    }

    private HttpRequest.Builder request(String path) {
        // longer than the API's own waits (5 s decision, 10 s for an in-flight duplicate), so a timeout is news
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Optional<Response> send(HttpRequest.Builder builder) {
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            var body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return Optional.of(new Response(response.statusCode(), body));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
