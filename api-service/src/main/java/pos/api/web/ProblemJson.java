package pos.api.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An RFC 9457 body written without Jackson or Spring MVC, for the places that answer before (or outside) the
 * DispatcherServlet: request filters, the servlet error page and Tomcat's own error reports. The same members the
 * controller advice writes: type, title, status, detail, instance.
 */
public final class ProblemJson {

    public static final String ABOUT_BLANK = "about:blank";

    private ProblemJson() {
    }

    public static String body(int status, String detail, String instance) {
        var out = new StringBuilder("{\"type\":\"").append(ABOUT_BLANK).append("\",\"title\":");
        string(title(status), out);
        out.append(",\"status\":").append(status).append(",\"detail\":");
        string(detail, out);
        if (instance != null) {
            out.append(",\"instance\":");
            string(instance, out);
        }
        return out.append('}').toString();
    }

    /** Writes the problem unless the response is already committed (then nothing can be said any more). */
    public static void write(HttpServletResponse response, int status, String detail, String instance)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = body(status, detail, instance).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    static String title(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    private static void string(String text, StringBuilder out) {
        if (text == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
