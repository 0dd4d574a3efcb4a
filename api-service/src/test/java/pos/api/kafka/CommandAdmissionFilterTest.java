package pos.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import pos.api.web.ApiException;

class CommandAdmissionFilterTest {

    private final CommandReplies replies = mock(CommandReplies.class);
    private final CommandAdmissionFilter filter = new CommandAdmissionFilter(replies);

    @ParameterizedTest
    @CsvSource({
        "POST, /orders, true",
        "POST, /orders/, true",
        "PATCH, /orders/64b000000000000000000001/status, true",
        "POST, /stores/64b000000000000000000002/inventory/adjust, true",
        "POST, /stores/64b000000000000000000002/inventory/count/, true",
        "GET, /orders/, false",
        "GET, /orders/64b000000000000000000001, false",
        "PATCH, /orders/64b000000000000000000001, false",
        "POST, /orders/64b000000000000000000001/status/extra, false",
        "GET, /stores/64b000000000000000000002/inventory/adjust, false",
        "POST, /stores/64b000000000000000000002/inventory/recount, false",
        "POST, /products/, false",
        "POST, /auth/login, false",
        "GET, /health, false"
    })
    void onlyRequestsThatPublishACommandAreChecked(String method, String path, boolean checked) {
        assertThat(CommandAdmissionFilter.publishesACommand(method, path)).isEqualTo(checked);
    }

    @Test
    void withoutRoomACommandIsRefusedBeforeAnythingElseReadsIt() throws Exception {
        doThrow(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Too many orders; retry")
                        .retryAfter(Duration.ofSeconds(1)))
                .when(replies)
                .reserveRoom();
        var request = new MockHttpServletRequest("POST", "/orders/");
        request.setContent("{\"store_id\": ".getBytes());
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("nothing after the filter ran").isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"status\":503", "\"detail\":\"Too many orders; retry\"", "\"instance\":\"/orders/\"");
    }

    @Test
    void withRoomACommandGoesOnHoldingAPlaceThatIsGivenBackWhenTheRequestReturns() throws Exception {
        var reservation = mock(CommandReplies.Reservation.class);
        when(replies.reserveRoom()).thenReturn(reservation);
        var request = new MockHttpServletRequest("PATCH", "/orders/64b000000000000000000001/status");
        var chain = new MockFilterChain() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response)
                    throws IOException, ServletException {
                verify(reservation, never()).close();
                super.doFilter(request, response);
            }
        };

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
        verify(reservation).close();
    }

    @Test
    void readsAreNeverChecked() throws Exception {
        var request = new MockHttpServletRequest("GET", "/orders/64b000000000000000000001");
        var chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        verify(replies, never()).reserveRoom();
        assertThat(chain.getRequest()).isSameAs(request);
    }
}
