package pos.api.identity.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import pos.api.identity.Role;
import pos.api.identity.TestJwts;
import pos.api.identity.security.SecurityConfiguration;

/** The security configuration works in a web slice too, as other features' slice tests will use it. */
@WebMvcTest(UsersController.class)
@Import(SecurityConfiguration.class)
class UsersControllerSliceTest {

    private static final String ADMIN_ID = "65c0ffee00000000000000aa";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserAdministration users;

    @MockitoBean
    JwtDecoder decoder;

    @Test
    void refusesAnonymousCallersWithAProblemAndABearerChallenge() throws Exception {
        mvc.perform(get("/users/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Not authenticated"));
    }

    @Test
    void refusesTheUserListToNonAdmins() throws Exception {
        mvc.perform(get("/users").with(TestJwts.as(Role.MANAGER, "65c0ffee00000000000000bb")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void listsUsersForAnAdmin() throws Exception {
        var account = new UserAccount(
                ADMIN_ID,
                "Root",
                "root@example.com",
                "root",
                Role.ADMIN,
                List.of(),
                true,
                Instant.parse("2026-02-05T14:21:19.123Z"),
                null,
                null,
                null,
                null,
                null);
        given(users.list(anyInt(), anyInt(), any())).willReturn(List.of(account));
        given(users.count()).willReturn(1L);

        mvc.perform(get("/users").with(TestJwts.as(Role.ADMIN, ADMIN_ID)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "1"))
                .andExpect(jsonPath("$[0]._id").value(ADMIN_ID))
                .andExpect(jsonPath("$[0].created_at").value("2026-02-05T14:21:19.123Z"))
                .andExpect(jsonPath("$[0].password").doesNotExist());
    }
}
