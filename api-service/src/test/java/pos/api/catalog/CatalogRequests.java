package pos.api.catalog;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Catalog requests through MockMvc, for the full-application ITs and the web slice alike. They carry a mock JWT
 * (writes as a manager, reads as a cashier) and a CSRF token: the role rules themselves belong to the identity
 * feature's SecurityConfiguration, and this way the tests pass with or without it.
 */
interface CatalogRequests {

    MockMvc mvc();

    static RequestPostProcessor manager() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_MANAGER"));
    }

    static RequestPostProcessor cashier() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }

    default ResultActions get(String path) throws Exception {
        return mvc().perform(MockMvcRequestBuilders.get(path).with(cashier()));
    }

    default ResultActions post(String path, String json) throws Exception {
        return write(MockMvcRequestBuilders.post(path), json);
    }

    default ResultActions put(String path, String json) throws Exception {
        return write(MockMvcRequestBuilders.put(path), json);
    }

    default ResultActions patch(String path, String json) throws Exception {
        return write(MockMvcRequestBuilders.patch(path), json);
    }

    default ResultActions delete(String path) throws Exception {
        return mvc().perform(MockMvcRequestBuilders.delete(path).with(manager()).with(csrf()));
    }

    private ResultActions write(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc().perform(request.with(manager())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
