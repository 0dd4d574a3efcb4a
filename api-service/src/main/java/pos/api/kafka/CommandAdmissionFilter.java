package pos.api.kafka;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import pos.api.web.ApiException;
import pos.api.web.ProblemJson;

/**
 * Refuses the requests that would publish a command (placements, status changes, stock adjustments and counts)
 * while {@link CommandReplies} has no room for another, before anything else reads them: no token verification, no
 * body parsing, no validation. Under a load above capacity most requests are refused, and a refusal that cost as
 * much as an accepted request kept the request threads busy with refusals while accepted ones queued behind them;
 * the stack then never caught up, even when the load fell back. The place is reserved here, for the request's
 * thread, and its command takes it when it is admitted ({@link CommandReplies#reserveRoom}): a request that gets
 * past this filter is not refused for want of room later, after it has claimed its Idempotency-Key.
 * <p>
 * The answer is the same 503 with Retry-After the controllers give, to anyone: it says only that the service is
 * busy, so it is given before authentication (a request without a valid token may get it instead of a 401).
 */
public class CommandAdmissionFilter extends OncePerRequestFilter {

    private static final Pattern STATUS_CHANGE = Pattern.compile("/orders/[^/]+/status/?");
    private static final Pattern STOCK_CHANGE = Pattern.compile("/stores/[^/]+/inventory/(adjust|count)/?");

    private final CommandReplies replies;

    public CommandAdmissionFilter(CommandReplies replies) {
        this.replies = replies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!publishesACommand(request.getMethod(), request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        CommandReplies.Reservation reservation;
        try {
            reservation = replies.reserveRoom();
        } catch (ApiException refused) {
            refused.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
            ProblemJson.write(response, refused.status().value(), refused.getMessage(), request.getRequestURI());
            return;
        }
        // the command is published on this thread before the request goes asynchronous to wait for its decision
        try (reservation) {
            chain.doFilter(request, response);
        }
    }

    static boolean publishesACommand(String method, String path) {
        return switch (method) {
            case "POST" ->
                path.equals("/orders")
                        || path.equals("/orders/")
                        || STOCK_CHANGE.matcher(path).matches();
            case "PATCH" -> STATUS_CHANGE.matcher(path).matches();
            default -> false;
        };
    }
}
