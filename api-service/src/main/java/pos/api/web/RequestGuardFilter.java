package pos.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before security or any parsing, what would otherwise fail deep inside the stack:
 * <ul>
 *     <li>a body larger than {@link WebProperties#maxRequestBody()}: 413 at once when Content-Length says so; a
 *     chunked body is counted while it is read and the read fails past the limit (the advice answers 413). Without
 *     this, a JSON body of any size was read into memory;</li>
 *     <li>a Content-Type that is not a concrete media type ({@code *}{@code /*}, {@code application/}, garbage):
 *     415. Spring MVC threw IllegalArgumentException for these, a 500;</li>
 *     <li>a JSON body that is not well-formed UTF-8 (RFC 8259 requires it): 400. Jackson decodes overlong forms and
 *     encoded surrogates without complaint, so {@code C0 AF} became a {@code /} and a 5-character password a
 *     6-character one; the body (at most the limit above) is read and checked here with the JDK's strict
 *     decoder, then handed on as read.</li>
 * </ul>
 */
class RequestGuardFilter extends OncePerRequestFilter {

    private final long maxBody;

    RequestGuardFilter(WebProperties properties) {
        this.maxBody = properties.maxRequestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBody) {
            refuseAsTooLarge(request, response);
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !concrete(contentType)) {
            ProblemJson.write(response, 415, "Content-Type is not a valid media type", request.getRequestURI());
            return;
        }
        HttpServletRequest guarded = declared < 0 ? new LimitedBodyRequest(request, maxBody) : request;
        if (contentType != null && isJson(contentType)) {
            byte[] body;
            try {
                body = declared >= 0 && declared < Integer.MAX_VALUE
                        ? readDeclared(guarded.getInputStream(), (int) declared)
                        : guarded.getInputStream().readAllBytes();
            } catch (RequestBodyTooLargeException e) {
                refuseAsTooLarge(request, response);
                return;
            }
            if (!wellFormedUtf8(body)) {
                ProblemJson.write(response, 400, "Request body is not valid UTF-8", request.getRequestURI());
                return;
            }
            guarded = new ReadBodyRequest(request, body);
        }
        chain.doFilter(guarded, response);
    }

    /**
     * The body in one array of its declared length: {@code readAllBytes} read every order through a new 8 KB buffer
     * and copied it out (3.6 % of all the bytes the local stack allocated under order load). A body that ends early
     * is what arrived.
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    private void refuseAsTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemJson.write(response, 413, "Request body larger than " + maxBody + " bytes", request.getRequestURI());
    }

    private static boolean isJson(String contentType) {
        var type = MediaType.parseMediaType(contentType);
        return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json");
    }

    static boolean wellFormedUtf8(byte[] bytes) {
        if (ascii(bytes)) {
            return true; // most bodies: no decoder and no buffer of decoded characters
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** A request whose body was already read (and checked) by this filter. */
    private static final class ReadBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // everything is in memory: all of it is available now, and then all of it has been read
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static boolean concrete(String contentType) {
        try {
            var type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream limited;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
