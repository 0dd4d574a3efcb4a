package pos.api.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import java.net.SocketTimeoutException;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;

/** Regressions the fuzz test found in how errors become problems; each was a 500 or an incomplete problem. */
@WebMvcTest(controllers = ProblemDetailsAdviceWebMvcTest.Failing.class)
@Import(ProblemDetailsAdviceWebMvcTest.Failing.class)
class ProblemDetailsAdviceWebMvcTest {

    record Names(List<String> names) {}

    @RestController
    static class Failing {

        @PostMapping("/test/names")
        List<String> names(@RequestBody Names body) {
            return body.names();
        }

        @GetMapping("/test/tomcat-parameters")
        String tomcatParameters() {
            throw new InvalidParameterException("Character decoding failed. Parameter [%zz] with value [%zz]");
        }

        @PostMapping("/test/multipart")
        String multipart() {
            throw new MultipartException("Failed to parse multipart servlet request");
        }

        @PostMapping("/test/database-pool-cleared")
        String databasePoolCleared() {
            throw new UncategorizedMongoDbException(
                    "Connection pool is paused because another operation failed",
                    new MongoConnectionPoolClearedException(
                            new ServerId(new ClusterId(), new ServerAddress()),
                            new MongoSocketReadTimeoutException(
                                    "Timeout while receiving message",
                                    new ServerAddress(),
                                    new SocketTimeoutException("Read timed out"))));
        }

        @GetMapping("/test/database-unselectable")
        String databaseUnselectable() {
            throw new DataAccessResourceFailureException(
                    "Timed out", new MongoTimeoutException("Timed out while waiting for a server"));
        }

        @GetMapping("/test/unexpected")
        String unexpected() {
            throw new UncategorizedMongoDbException("Command failed", new IllegalStateException("a bug"));
        }

        @PostMapping("/test/too-large")
        String tooLarge() {
            throw new HttpMessageNotReadableException(
                    "I/O error while reading input message",
                    new RequestBodyTooLargeException(1024),
                    new MockHttpInputMessage(new byte[0]));
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void mongoDbOutOfReachIsA503WithRetryAfterRatherThanAServerError() throws Exception {
        mvc.perform(post("/test/database-pool-cleared").with(jwt()).with(csrf()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value("The database is unavailable or overloaded; retry later"))
                .andExpect(content().string(not(containsString("Timeout while receiving"))));
        mvc.perform(get("/test/database-unselectable").with(jwt()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"));
    }

    @Test
    void anyOtherDatabaseFailureStaysAServerError() throws Exception {
        mvc.perform(get("/test/unexpected").with(jwt()))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.detail").value("Internal server error"));
    }

    @Test
    void aWrongTypeInsideAListNamesTheFieldWithoutJavaClassNames() throws Exception {
        mvc.perform(post("/test/names")
                        .with(jwt())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"names\": [\"ok\", {\"$gt\": \"\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Invalid value for names[1]"))
                .andExpect(jsonPath("$.errors[0].field").value("names[1]"))
                .andExpect(content().string(not(containsString("java."))));
    }

    @Test
    void parametersTomcatCannotDecodeAreABadRequest() throws Exception {
        mvc.perform(get("/test/tomcat-parameters").with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Malformed query or form parameters"))
                .andExpect(jsonPath("$.type").value("about:blank"));
    }

    @Test
    void anUnparseableMultipartBodyIsABadRequest() throws Exception {
        mvc.perform(post("/test/multipart").with(jwt()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Malformed multipart body"));
    }

    @Test
    void aBodyReadPastTheLimitIsContentTooLarge() throws Exception {
        mvc.perform(post("/test/too-large").with(jwt()).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413));
    }

    @Test
    void springsOwnProblemsCarryEveryRfc9457Member() throws Exception {
        mvc.perform(put("/test/names").with(jwt()).with(csrf()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Method Not Allowed"))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.detail").isString());
    }
}
