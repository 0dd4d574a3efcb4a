package pos.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP/1.1 client over a plain socket that sends exactly the bytes it is given: request targets that
 * java.net.URI refuses ({@code %zz}, raw {@code {}}, NUL escapes), header values with control characters, bodies
 * that lie about their length. So requests reach Tomcat as a hostile client would send them, and the answers
 * Tomcat produces itself (before Spring sees the request) are tested too. One connection per request
 * ({@code Connection: close}); the body is written on another thread while the answer is read, so an answer sent
 * before the whole body was read (413) is not lost when the server closes the connection.
 */
final class RawHttp implements AutoCloseable {

    private final int port;
    private final Duration timeout;
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        var thread = new Thread(r, "fuzz-writer");
        thread.setDaemon(true);
        return thread;
    });

    RawHttp(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** A request as bytes on the wire; {@code chunked} sends the body with Transfer-Encoding: chunked. */
    record Request(String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {

        Request {
            headers = new LinkedHashMap<>(headers);
        }

        String describe() {
            var text = new StringBuilder(method).append(' ').append(abbreviate(target, 300));
            headers.forEach((k, v) -> text.append("\n  ").append(k).append(": ").append(abbreviate(printable(v), 200)));
            if (body != null) {
                text.append("\n  body (")
                        .append(body.length)
                        .append(" bytes")
                        .append(chunked ? ", chunked" : "")
                        .append("): ")
                        .append(abbreviate(printable(new String(body, StandardCharsets.UTF_8)), 400));
            }
            return text.toString();
        }
    }

    /**
     * The status of an answer without status line or headers: Tomcat answers a request line without a protocol
     * version (such as {@code GET  HTTP/1.1}, an empty target) the HTTP/0.9 way, with the body alone.
     */
    static final int HTTP_0_9 = 0;

    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Thrown when the server does not answer within the timeout: the fuzz test counts it as a hang. */
    static final class Hang extends IOException {
        Hang(String message) {
            super(message);
        }
    }

    Response exchange(Request request) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            var out = socket.getOutputStream();
            byte[] head = head(request);
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(out, head, request), writers);
            try {
                return read(socket.getInputStream(), request.method());
            } catch (SocketTimeoutException e) {
                throw new Hang("no answer within " + timeout);
            } finally {
                writing.cancel(true);
            }
        }
    }

    private static byte[] head(Request request) {
        var head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        var headers = new LinkedHashMap<String, String>();
        headers.put("Host", "localhost");
        headers.putAll(request.headers());
        headers.put("Connection", "close");
        if (request.body() != null) {
            if (request.chunked()) {
                headers.put("Transfer-Encoding", "chunked");
            } else {
                headers.putIfAbsent("Content-Length", Integer.toString(request.body().length));
            }
        }
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        // ISO-8859-1 keeps control characters and raw bytes (given as chars 0..255) exactly as generated
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, byte[] head, Request request) {
        try {
            out.write(head);
            byte[] body = request.body();
            if (body != null) {
                if (request.chunked()) {
                    for (int offset = 0; offset < body.length; offset += 8192) {
                        int length = Math.min(8192, body.length - offset);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, offset, length);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    for (int offset = 0; offset < body.length; offset += 65536) {
                        out.write(body, offset, Math.min(65536, body.length - offset));
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            // the server answered and closed before taking the whole body (413); the answer is read anyway
        }
    }

    private static Response read(InputStream in, String method) throws IOException {
        var raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int headEnd = -1;
        while (headEnd < 0) {
            int n = in.read(buffer);
            if (n < 0
                    && raw.size() > 0
                    && !raw.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/")) {
                return new Response(HTTP_0_9, Map.of(), raw.toByteArray());
            }
            if (n < 0) {
                throw new IOException("connection closed before a complete response head (" + raw.size() + " bytes: "
                        + abbreviate(raw.toString(StandardCharsets.ISO_8859_1), 200) + ")");
            }
            raw.write(buffer, 0, n);
            headEnd = indexOf(raw.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] all = raw.toByteArray();
        String[] lines = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        var rest = new ByteArrayOutputStream();
        rest.write(all, headEnd + 4, all.length - headEnd - 4);
        if (!"HEAD".equals(method)) {
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    rest.write(buffer, 0, n);
                }
            } catch (java.net.SocketException e) {
                // reset after the answer (the server closed with our unread body); what arrived is the answer
            }
        }
        byte[] body = rest.toByteArray();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        var out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOf(chunked, pos, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            pos = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] needle) {
        return indexOf(data, 0, needle);
    }

    private static int indexOf(byte[] data, int from, byte[] needle) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    static String printable(String text) {
        var out = new StringBuilder();
        text.codePoints().limit(2000).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }
}
