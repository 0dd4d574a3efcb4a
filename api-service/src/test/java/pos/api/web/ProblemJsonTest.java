package pos.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ProblemJsonTest {

    @Test
    void writesTheMembersInOrderWithInstanceOnlyWhenKnown() {
        assertThat(ProblemJson.body(404, "Not found", "/orders/1"))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Not found\","
                        + "\"instance\":\"/orders/1\"}");
        assertThat(ProblemJson.body(499, "Closed", null))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Error 499\",\"status\":499,\"detail\":\"Closed\"}");
    }

    @Test
    void rendersAnApiExceptionWithItsExtensionMembersAfterTheStandardOnes() {
        var refusal = ApiException.badRequest("Validation failed")
                .with("errors", List.of(new FieldError("name", "must not be blank")));

        var text = ProblemJson.body(
                JsonMapper.builder().build(), refusal.status(), refusal.getMessage(), refusal.properties());
        var detail = ProblemJson.of(refusal);

        assertThat(text)
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"Validation failed\","
                        + "\"errors\":[{\"field\":\"name\",\"message\":\"must not be blank\"}]}");
        assertThat(detail.getType()).hasToString(ProblemJson.ABOUT_BLANK);
        assertThat(detail.getTitle()).isEqualTo("Bad Request");
        assertThat(detail.getStatus()).isEqualTo(400);
        assertThat(detail.getProperties())
                .isEqualTo(Map.of("errors", refusal.properties().get("errors")));
    }

    @Test
    void keepsHeadersAlreadySetAndReplacesABufferedBody() throws Exception {
        var response = new MockHttpServletResponse();
        response.setHeader("WWW-Authenticate", "Bearer");
        response.getOutputStream().write("partial".getBytes());

        ProblemJson.write(response, HttpStatus.UNAUTHORIZED.value(), "Not authenticated", "/orders");

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .startsWith("{\"type\":\"about:blank\",\"title\":\"Unauthorized\"")
                .doesNotContain("partial");
    }

    @Test
    void writesNothingOnceTheResponseIsCommitted() throws Exception {
        var response = new MockHttpServletResponse();
        response.setCommitted(true);

        ProblemJson.write(response, 400, "Malformed request", null);

        assertThat(response.getContentAsString()).isEmpty();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
