package pos.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The benchmark's HTTP/1.1 client: Apache HttpClient 5 on {@code ioThreads} non-blocking I/O threads (which also
 * run what each answer sets off), with a pool of at most {@code maxConnections} keep-alive connections. The JDK's
 * client reached 60-70 % of wrk's rate from the same stack in a closed loop, this one 85-100 % (docs/benchmarks.md,
 * "Overload: connections and reservations"). A request waits for a free connection past the pool's size; its
 * latency then counts the wait.
 */
final class ApacheTransport implements PosApi.Transport, AutoCloseable {

    private final CloseableHttpAsyncClient client;

    ApacheTransport(int maxConnections, int ioThreads, Duration requestTimeout) {
        var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.of(requestTimeout))
                        .build())
                .build();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(
                        IOReactorConfig.custom().setIoThreadCount(ioThreads).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
        client.start();
    }

    @Override
    public CompletableFuture<PosApi.Reply> send(String method, URI uri, Map<String, String> headers, String jsonBody) {
        var builder = SimpleRequestBuilder.create(method).setUri(uri);
        headers.forEach(builder::addHeader);
        if (jsonBody != null) {
            builder.setBody(jsonBody, ContentType.APPLICATION_JSON);
        }
        var reply = new CompletableFuture<PosApi.Reply>();
        client.execute(builder.build(), new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                reply.complete(new PosApi.Reply(response.getCode(), response.getBodyText(), headersOf(response)));
            }

            @Override
            public void failed(Exception e) {
                reply.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                reply.completeExceptionally(new IOException("request cancelled"));
            }
        });
        return reply;
    }

    private static HttpHeaders headersOf(SimpleHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
