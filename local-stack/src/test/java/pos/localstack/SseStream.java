package pos.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Server-Sent Events client for the order stream: every event it received, in order, read on a thread. */
final class SseStream implements AutoCloseable {

    record Event(String name, String id, JsonNode data) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final int status;
    final HttpResponse<InputStream> response;
    final List<Event> events = new CopyOnWriteArrayList<>();
    volatile boolean ended;
    private boolean stopped;
    private final Thread reader;

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.status = response.statusCode();
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        if (status == 200) {
            reader.start();
        }
    }

    static SseStream open(String apiUrl, String store, String token, String lastEventId) {
        var request = HttpRequest.newBuilder(URI.create(apiUrl + "/stores/" + store + "/orders/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String body() throws IOException {
        try (var in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The order events, as order id and status. */
    List<String> changes() {
        return named("order").stream()
                .map(e -> e.data().get("order").get("id").asString() + "="
                        + e.data().get("order").get("status").asString())
                .toList();
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            String id = null;
            var data = new ArrayList<String>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        add(new Event(name, id, JSON.readTree(String.join("\n", data))));
                    }
                    name = "message";
                    id = null;
                    data.clear();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                } else if (line.startsWith(":")) {
                    add(new Event("comment", null, null));
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            ended = true;
        }
    }

    private synchronized void add(Event event) {
        if (!stopped) {
            events.add(event);
        }
    }

    /** Stops taking events: after this, {@link #events} is final (what a client had when its connection dropped). */
    @Override
    public void close() {
        synchronized (this) {
            stopped = true;
        }
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }

    static Duration patience() {
        return Duration.ofSeconds(30);
    }
}
