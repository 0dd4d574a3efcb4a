package pos.api.catalog;

import com.jayway.jsonpath.JsonPath;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import pos.api.support.AbstractApiIT;

import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog ITs share this one configuration, so Spring starts one context for all of them. Requests carry a
 * mock JWT (writes as a manager, reads as a cashier) and a CSRF token: the role rules themselves belong to the
 * identity feature's SecurityConfiguration, and this way the tests pass with or without it. The database is
 * shared by the JVM's ITs, so every test makes its own names and ids and never counts on an empty collection.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"pos.catalog.republish-interval=200ms", "pos.catalog.republish-after=2s"})
abstract class AbstractCatalogIT extends AbstractApiIT {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MongoTemplate mongo;

    protected static RequestPostProcessor manager() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_MANAGER"));
    }

    protected static RequestPostProcessor cashier() {
        return jwt().authorities(new SimpleGrantedAuthority("ROLE_USER"));
    }

    protected ResultActions get(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(cashier()));
    }

    protected ResultActions post(String path, String json) throws Exception {
        return write(MockMvcRequestBuilders.post(path), json);
    }

    protected ResultActions put(String path, String json) throws Exception {
        return write(MockMvcRequestBuilders.put(path), json);
    }

    protected ResultActions patch(String path, String json) throws Exception {
        return write(MockMvcRequestBuilders.patch(path), json);
    }

    protected ResultActions delete(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.delete(path).with(manager()).with(csrf()));
    }

    private ResultActions write(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(manager()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** A name no other test uses, lower-case letters and digits. */
    protected static String unique(String base) {
        return base + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected String createCategory(String name, String prefix) throws Exception {
        var json = """
                {"name": "%s", "display_name": "%s", "sku_prefix": "%s"}""".formatted(name, name, prefix);
        return idOf(post("/categories/", json).andExpect(status().isOk()));
    }

    protected String createProduct(String json) throws Exception {
        return idOf(post("/products/", json).andExpect(status().isOk()));
    }

    protected static String idOf(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }

    protected static <T> T read(ResultActions result, String path) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), path);
    }
}
