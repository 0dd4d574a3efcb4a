package pos.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/**
 * Requests Tomcat refuses itself, before any servlet: with the application's customizer its answer is
 * problem+json, not Tomcat's HTML error page. A real Tomcat on a random port, raw bytes on a socket.
 */
class ProblemErrorReportValveTest {

    private WebServer server;

    @BeforeEach
    void start() {
        var factory = new TomcatServletWebServerFactory(0);
        new WebConfiguration().problemErrorReports().customize(factory);
        server = factory.getWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /%zz HTTP/1.1\r\nHost: localhost\r\n",
                "GET /a{b} HTTP/1.1\r\nHost: localhost\r\n",
                "GET /\u00ff HTTP/1.1\r\nHost: localhost\r\n",
                "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer a\u0001b\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: %BIG%\r\n"
            })
    void answersProblemJson(String head) throws IOException {
        String request = head.replace("%BIG%", "a".repeat(16_000)) + "Connection: close\r\n\r\n";
        try (var socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(response)
                    .contains("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"Malformed request\"}")
                    .doesNotContain("<html");
        }
    }
}
