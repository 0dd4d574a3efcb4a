package pos.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the POS API, as a POS till would use it. */
final class PosClient {

    record Response(int status, JsonNode body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String token;

    PosClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String token() {
        return token;
    }

    PosClient withToken(String token) {
        var client = new PosClient(baseUrl);
        client.token = token;
        return client;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, Object body, Map<String, String> headers) {
        var builder = request(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder);
    }

    Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Response patch(String path, Object body) {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"));
    }

    Response put(String path, Object body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"));
    }

    Response delete(String path, Object body) {
        return send(request(path).method("DELETE", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Registers an account and logs in with it; the first account of an empty system is an admin. */
    PosClient registerAndLogin(String username) {
        var registered = post("/auth/register", Map.of("name", username, "email", username + "@example.com",
                "username", username, "password", "secret-" + username));
        if (registered.status() != 200) {
            throw new IllegalStateException("register failed: " + registered.raw().body());
        }
        return login(username);
    }

    PosClient login(String username) {
        var login = post("/auth/login", Map.of("username", username, "password", "secret-" + username));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login.raw().body());
        }
        return withToken(login.body().get("access_token").asString());
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            var body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
