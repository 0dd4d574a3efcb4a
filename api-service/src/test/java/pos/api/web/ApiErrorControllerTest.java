package pos.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import jakarta.servlet.RequestDispatcher;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The servlet error page answers problem+json whatever the client accepts. Boot's default answered a firewall
 * refusal with its own JSON (or an empty body for Accept: application/pdf) and a direct /error request with 500.
 */
class ApiErrorControllerTest {

    private final ApiErrorController controller = new ApiErrorController();

    @Test
    void anErrorDispatchBecomesAProblemWithTheOriginalStatusAndPath() throws Exception {
        var request = new MockHttpServletRequest("GET", "/error");
        request.addHeader("Accept", "application/pdf");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/categories/..;x");
        request.setAttribute(
                RequestDispatcher.ERROR_MESSAGE,
                "The request was rejected because the URL contained " + "a potentially malicious String \";\"");
        var response = new MockHttpServletResponse();

        controller.error(request, response);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\","
                        + "\"status\":400,\"detail\":\"Malformed request\",\"instance\":\"/categories/..;x\"}");
    }

    @Test
    void aDirectRequestIsNotFoundRatherThanAServerError() throws Exception {
        var response = new MockHttpServletResponse();

        controller.error(new MockHttpServletRequest("POST", "/error"), response);

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":404", "\"detail\":\"Not found\"");
    }

    @Test
    void serverErrorsKeepTheirStatusWithoutDetails() throws Exception {
        var request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        var response = new MockHttpServletResponse();

        controller.error(request, response);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("\"detail\":\"Internal server error\"");
    }

    @Test
    void aFilterThatFoundMongoDbOutOfReachIsAnsweredWithRetryAfter() throws Exception {
        var request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/orders/");
        request.setAttribute(
                RequestDispatcher.ERROR_EXCEPTION,
                new UncategorizedMongoDbException(
                        "pool paused",
                        new MongoConnectionPoolClearedException(
                                new ServerId(new ClusterId(), new ServerAddress()),
                                new MongoSocketReadTimeoutException(
                                        "Timeout while receiving message",
                                        new ServerAddress(),
                                        new SocketTimeoutException()))));
        var response = new MockHttpServletResponse();

        controller.error(request, response);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"status\":503", "retry later", "\"instance\":\"/orders/\"")
                .doesNotContain("Timeout while receiving", "pool paused");
    }
}
