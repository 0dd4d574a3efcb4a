package pos.api.money;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * How order and inventory requests declare decimals: {@code @Valid} body, {@code @DecimalValue} fields. Runs in a
 * web slice, which also shows that the Decimal binding is registered there without further set-up.
 */
@WebMvcTest(controllers = DecimalBindingWebMvcTest.Lines.class)
@Import(DecimalBindingWebMvcTest.Lines.class)
class DecimalBindingWebMvcTest {

    record Line(
            @NotNull @DecimalValue(sign = Sign.POSITIVE) Decimal qty,
            @DecimalValue(sign = Sign.NON_ZERO) Decimal delta) {}

    @RestController
    static class Lines {

        @PostMapping("/test/lines")
        Map<String, Object> echo(@Valid @RequestBody Line line) {
            // the Decimal itself: WebConfiguration's BigDecimal-as-string setting is not part of a web slice
            return Map.of("qty", line.qty(), "scale", line.qty().value().scale());
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void bindsStringsAndNumbersKeepingTheirScale() throws Exception {
        send("{\"qty\": \"1.50\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.qty").value("1.50"))
                .andExpect(jsonPath("$.scale").value(2));
        send("{\"qty\": 2.50}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.qty").value("2.50"));
        send("{\"qty\": \"1e3\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.qty").value("1000"));
    }

    @Test
    void answersAProblemNamingEachBadField() throws Exception {
        send("{\"qty\": \"0.001\", \"delta\": \"0\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'qty')].message").value("Format angka tidak didukung (16:2)"))
                .andExpect(jsonPath("$.errors[?(@.field == 'delta')].message").value("must not be 0"));
        send("{\"qty\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Format angka tidak didukung (16:2)"));
        send("{\"qty\": \"-1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than 0"));
        send("{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qty"));
    }

    @Test
    void hugeExponentsAndLongDigitRunsAreRefusedNamingTheField() throws Exception {
        send("{\"qty\": \"1e2147483647\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qty"))
                .andExpect(jsonPath("$.errors[0].message").value("Format angka tidak didukung (16:2)"));
        send("{\"qty\": 1e2147483647}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qty"));
        send("{\"qty\": \"1" + "0".repeat(200_000) + "x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qty"));
        send("{\"qty\": 1" + "0".repeat(200_000) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("qty"));
        send("{\"qty\": 1, \"delta\": -" + "9".repeat(5_000) + ".5e-99999}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("delta"));
    }

    private ResultActions send(String json) throws Exception {
        return mvc.perform(post("/test/lines")
                .with(jwt())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
