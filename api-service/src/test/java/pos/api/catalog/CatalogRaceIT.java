package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** Uniqueness rests on unique indexes, not check-then-insert: concurrent duplicates get a clean 400, never a 500. */
class CatalogRaceIT extends AbstractCatalogIT {

    private static final int CLIENTS = 10;

    @Test
    void exactlyOneOfTenConcurrentCreationsGetsAClientSku() throws Exception {
        String sku = unique("RACE-");

        var responses = concurrently(i -> """
                {"name": "Racer %d", "price": "1.00", "sku": "%s"}""".formatted(i, sku), "/products/");

        assertThat(responses)
                .extracting(MockHttpServletResponse::getStatus)
                .containsOnly(200, 400)
                .filteredOn(s -> s == 200)
                .hasSize(1);
        assertThat(responses)
                .filteredOn(r -> r.getStatus() == 400)
                .allSatisfy(r -> assertThat(r.getContentAsString()).contains("\"detail\":\"SKU already exists\""));
        assertThat(get("/products/?q=" + sku).andReturn().getResponse().getHeader("X-Total-Count"))
                .isEqualTo("1");
    }

    @Test
    void exactlyOneOfTenConcurrentCategoriesGetsANameWrittenInDifferentCases() throws Exception {
        String name = unique("racecat");

        var responses = concurrently(i -> """
                {"name": "%s", "display_name": "Race", "sku_prefix": "RC"}""".formatted(mixedCase(name, i)), "/categories/");

        assertThat(responses)
                .extracting(MockHttpServletResponse::getStatus)
                .containsOnly(200, 400)
                .filteredOn(s -> s == 200)
                .hasSize(1);
        assertThat(responses)
                .filteredOn(r -> r.getStatus() == 400)
                .allSatisfy(r -> assertThat(r.getContentAsString())
                        .containsIgnoringCase("\"detail\":\"Category with name '" + name + "' already exists\""));
    }

    @Test
    void generatedSkusStayUniqueUnderConcurrentCreation() throws Exception {
        String category = createCategory(unique("busy"), "BZ");

        var responses = concurrently(i -> """
                {"name": "Busy %d", "price": "1.00", "category_id": "%s"}""".formatted(i, category), "/products/");

        assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(200);
        var skus = responses.stream()
                .map(r -> {
                    try {
                        return com.jayway.jsonpath.JsonPath.<String>read(r.getContentAsString(), "$.sku");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(skus).doesNotHaveDuplicates().allMatch(s -> s.startsWith("BZ-"));
    }

    private List<MockHttpServletResponse> concurrently(IntFunction<String> body, String path) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            var futures = new ArrayList<Future<MockHttpServletResponse>>();
            for (int i = 0; i < CLIENTS; i++) {
                String json = body.apply(i);
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return post(path, json).andReturn().getResponse();
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            var responses = new ArrayList<MockHttpServletResponse>();
            for (var future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String mixedCase(String name, int variant) {
        var chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (((variant >> (i % 4)) & 1) == 1) {
                chars[i] = Character.toUpperCase(chars[i]);
            }
        }
        return new String(chars);
    }
}
