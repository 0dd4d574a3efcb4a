package pos.api.identity.account;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import pos.api.web.ClientAddresses;

/**
 * The answers of {@code /auth/register} and {@code /auth/login} to bad input: the request records (and the form
 * login's own validation) refuse it before a registration, a login or a client limit is consulted, so a web slice
 * with those mocked is enough. What needs stored accounts (duplicates, credentials, roles, throttling) stays in
 * AccountsIT. Requests carry a mock JWT and a CSRF token only to pass the slice's default security: the identity
 * feature's own security rules are tested with the whole application.
 */
@WebMvcTest(controllers = AuthController.class)
class AccountValidationWebMvcTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Registrations registrations;

    @MockitoBean
    Logins logins;

    @MockitoBean
    ClientLimits limits;

    @MockitoBean
    ClientAddresses clients;

    @AfterEach
    void nothingWasRegisteredOrLoggedIn() {
        verifyNoInteractions(registrations, logins, limits);
    }

    @Test
    void refusesAnotherGrantTypeInTheLoginFormNamingTheField() throws Exception {
        form("username=x&password=y&grant_type=client_credentials")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Validation failed"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("grant_type")));
    }

    @Test
    void namesBothMissingLoginFieldsInTheFormAndInJson() throws Exception {
        for (var request : java.util.List.of(form("username=&password="), json("/auth/login", "{}"))) {
            request.andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value("Validation failed"))
                    .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("username", "password")));
        }
    }

    @Test
    void namesEveryInvalidRegistrationField() throws Exception {
        json("/auth/register", """
                        {"name": "Erin", "email": "not-an-email", "username": "erin", "password": "12345",
                         "role": "superuser", "store_ids": ["store-1"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Validation failed"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("password", "email", "role")));
    }

    @Test
    void refusesAPasswordLongerThanBcryptReadsSayingSo() throws Exception {
        json("/auth/register", """
                        {"name": "Erin", "email": "erin@example.com", "username": "erin", "password": "%s"}""".formatted("x".repeat(73)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Validation failed"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("72 bytes")));
    }

    @Test
    void refusesAMalformedRegistrationBody() throws Exception {
        json("/auth/register", "{\"name\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions form(String body) throws Exception {
        return send(post("/auth/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(body));
    }

    private ResultActions json(String path, String body) throws Exception {
        return send(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(jwt()).with(csrf()));
    }
}
