package pos.api.catalog;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import pos.api.support.AbstractApiIT;

/**
 * The catalog ITs share this one configuration, so Spring starts one context for all of them; requests as in
 * {@link CatalogRequests}. The database is shared by the JVM's ITs, so every test makes its own names and ids and
 * never counts on an empty collection.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"pos.catalog.republish-interval=200ms", "pos.catalog.republish-after=2s"})
abstract class AbstractCatalogIT extends AbstractApiIT implements CatalogRequests {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MongoTemplate mongo;

    @Override
    public MockMvc mvc() {
        return mvc;
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
