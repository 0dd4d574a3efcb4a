package pos.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** Oversized bodies and unreadable Content-Types are refused before anything else reads the request. */
class RequestGuardFilterTest {

    private final RequestGuardFilter filter =
            new RequestGuardFilter(new WebProperties(DataSize.ofBytes(1024), java.util.List.of()));

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
        var request = new MockHttpServletRequest("POST", "/orders");
        request.setContent(new byte[2048]);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertRefusedAsTooLarge(chain, response);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\":\"Content Too Large\"", "\"status\":413");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void aBodyWithoutDeclaredLengthFailsOnceReadPastTheLimit() throws Exception {
        var request = chunkedPost("/orders");
        request.setContent(new byte[2048]);
        var read = new AtomicReference<Throwable>();
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                try {
                    ((HttpServletRequest) req).getInputStream().readAllBytes();
                } catch (Exception e) {
                    read.set(e);
                }
            }
        };

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(read.get()).isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void aBodyWithinTheLimitPassesUntouched() throws Exception {
        var request = new MockHttpServletRequest("POST", "/orders");
        request.setContentType("application/json");
        request.setContent(new byte[1024]);
        var chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(((HttpServletRequest) chain.getRequest()).getInputStream().readAllBytes())
                .isEqualTo(new byte[1024]);
    }

    @Test
    void aContentTypeThatIsNoConcreteMediaTypeIsUnsupported() throws Exception {
        for (String contentType : new String[] {"*/*", "application/*", "application/", "json", ";;;"}) {
            var request = new MockHttpServletRequest("POST", "/orders");
            request.addHeader("Content-Type", contentType);
            var response = new MockHttpServletResponse();

            filter.doFilter(request, response, new MockFilterChain());

            assertThat(response.getStatus()).as(contentType).isEqualTo(415);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aJsonBodyThatIsNotWellFormedUtf8IsRefused() throws Exception {
        for (byte[] malformed : new byte[][] {
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC3, 0x28}, {(byte) 0xFF}
        }) {
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes("{\"password\":\"a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(malformed);
            body.writeBytes("bc12\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var request = new MockHttpServletRequest("POST", "/auth/register");
            request.setContentType("application/json");
            request.setContent(body.toByteArray());
            var response = new MockHttpServletResponse();
            var chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(chain.getRequest()).isNull();
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getContentAsString()).contains("not valid UTF-8");
        }
    }

    @Test
    void aWellFormedJsonBodyIsPassedOnUnchanged() throws Exception {
        byte[] json = "{\"name\":\"Caf\u00e9 \ud83c\udf54\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = new MockHttpServletRequest("POST", "/products/");
        request.setContentType("application/json; charset=UTF-8");
        request.setContent(json);
        var seen = new AtomicReference<byte[]>();
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                try {
                    seen.set(((HttpServletRequest) req).getInputStream().readAllBytes());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(seen.get()).isEqualTo(json);
    }

    @Test
    void aJsonBodyThatEndsBeforeItsDeclaredLengthIsPassedOnAsItArrived() throws Exception {
        byte[] json = "{\"name\":\"Burger\"}".getBytes(StandardCharsets.UTF_8);
        var request = new MockHttpServletRequest("POST", "/products/") {
            @Override
            public long getContentLengthLong() {
                return json.length + 10; // the client declared more than it sent
            }
        };
        request.setContentType("application/json");
        request.setContent(json);
        var chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(((HttpServletRequest) chain.getRequest()).getInputStream().readAllBytes())
                .isEqualTo(json);
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIsRefused() throws Exception {
        var request = chunkedPost("/orders");
        request.setContentType("application/json");
        request.setContent(new byte[2048]);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertRefusedAsTooLarge(chain, response);
    }

    @Test
    void aReadBodyCanAlsoBeReadAsynchronously() throws Exception {
        byte[] json = "{\"name\":\"Burger\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = new MockHttpServletRequest("POST", "/products/");
        request.setContentType("application/json");
        request.setContent(json);
        var chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        var in = ((HttpServletRequest) chain.getRequest()).getInputStream();
        var read = new java.io.ByteArrayOutputStream();
        var done = new java.util.concurrent.atomic.AtomicBoolean();

        in.setReadListener(new jakarta.servlet.ReadListener() {
            @Override
            public void onDataAvailable() throws java.io.IOException {
                while (in.isReady() && !in.isFinished()) {
                    read.write(in.read());
                }
            }

            @Override
            public void onAllDataRead() {
                done.set(true);
            }

            @Override
            public void onError(Throwable t) {
                throw new AssertionError(t);
            }
        });

        assertThat(done).isTrue();
        assertThat(read.toByteArray()).isEqualTo(json);
    }

    /** A POST whose length is not declared, as with chunked transfer encoding. */
    private static MockHttpServletRequest chunkedPost(String path) {
        return new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
    }

    private static void assertRefusedAsTooLarge(MockFilterChain chain, MockHttpServletResponse response) {
        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
    }
}
