package pos.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import pos.api.docs.OpenApiRules.Endpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Each documentation rule of the IT fails on a document that breaks it. */
class OpenApiRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PROBLEM = """
            {"description": "%s", "content": {"application/problem+json":
                {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}""";

    /** POST /stores/{store_id}/inventory/adjust as it should be documented. */
    private static final String ADJUST = """
            {"paths": {"/stores/{store_id}/inventory/adjust": {"post": {
              "summary": "Adjust the stock of a product",
              "security": [{"bearer": []}],
              "parameters": [{"name": "store_id", "in": "path"}, {"name": "Idempotency-Key", "in": "header"}],
              "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}},
              "responses": {
                "200": {"description": "ok", "headers": {"Idempotent-Replayed": {}},
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/B"}}}},
                "400": %s, "401": %s, "403": %s, "422": %s}}}}}
            """.formatted(
            PROBLEM.formatted("bad"), PROBLEM.formatted("who"), PROBLEM.formatted("no"), PROBLEM.formatted("key"));

    private static final Endpoint ADJUST_ENDPOINT =
            new Endpoint(HttpMethod.POST, "/stores/{storeId}/inventory/adjust", true, Set.of("Idempotency-Key"));

    @Test
    void aFullyDocumentedEndpointPasses() {
        assertThat(OpenApiRules.violations(JSON.readTree(ADJUST), ADJUST_ENDPOINT))
                .isEmpty();
    }

    @Test
    void anUndocumentedEndpointFails() {
        var other = new Endpoint(HttpMethod.DELETE, "/stores/{storeId}/inventory/adjust", true, Set.of());
        assertThat(OpenApiRules.violations(JSON.readTree(ADJUST), other))
                .singleElement()
                .asString()
                .contains("not documented");
    }

    @Test
    void eachMissingPartIsReported() {
        assertThat(violationsAfter(op -> op.remove("summary"))).anyMatch(v -> v.contains("no summary"));
        assertThat(violationsAfter(op -> op.remove("security"))).anyMatch(v -> v.contains("bearer"));
        assertThat(violationsAfter(op -> responses(op).remove("401"))).anyMatch(v -> v.contains("no 401"));
        assertThat(violationsAfter(op -> responses(op).remove("403"))).anyMatch(v -> v.contains("no 403"));
        assertThat(violationsAfter(op -> responses(op).remove("400"))).anyMatch(v -> v.contains("no 400"));
        assertThat(violationsAfter(op -> responses(op).remove("422"))).anyMatch(v -> v.contains("no 422"));
        assertThat(violationsAfter(op -> ((ObjectNode) responses(op).get("200")).remove("headers")))
                .anyMatch(v -> v.contains("Idempotent-Replayed"));
        assertThat(violationsAfter(op -> ((ObjectNode) responses(op).get("200")).remove("content")))
                .anyMatch(v -> v.contains("no content"));
        assertThat(violationsAfter(op -> ((ObjectNode) responses(op).get("400")).remove("content")))
                .anyMatch(v -> v.contains("400 is not application/problem+json"));
        assertThat(violationsAfter(op -> op.putArray("parameters")
                        .addObject()
                        .put("name", "store_id")
                        .put("in", "path")))
                .anyMatch(v -> v.contains("Idempotency-Key not documented"));
        assertThat(violationsAfter(op -> ((ObjectNode)
                                responses(op).get("200").get("content").get("application/json"))
                        .putObject("schema")
                        .put("type", "string")))
                .anyMatch(v -> v.contains("bare string"));
    }

    @Test
    void publicEndpointsMustSayTheyNeedNoToken() {
        var products = new Endpoint(HttpMethod.GET, "/products", true, Set.of());
        String document = """
                {"paths": {"/products": {"get": {"summary": "List products",
                  "parameters": [{"name": "limit", "in": "query"}],
                  "responses": {"200": {"description": "ok", "headers": {"X-Total-Count": {}},
                    "content": {"application/json": {"schema": {"type": "array"}}}}, "400": %s}}}}}
                """.formatted(PROBLEM.formatted("bad"));
        assertThat(OpenApiRules.violations(JSON.readTree(document), products))
                .singleElement()
                .asString()
                .contains("security: []");

        ObjectNode fixed = (ObjectNode) JSON.readTree(document);
        ObjectNode operation = (ObjectNode) fixed.get("paths").get("/products").get("get");
        operation.putArray("security");
        assertThat(OpenApiRules.violations(fixed, products)).isEmpty();

        ((ObjectNode) operation.get("responses").get("200")).remove("headers");
        assertThat(OpenApiRules.violations(fixed, products))
                .singleElement()
                .asString()
                .contains("X-Total-Count");
    }

    private static java.util.List<String> violationsAfter(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode document = (ObjectNode) JSON.readTree(ADJUST);
        change.accept((ObjectNode)
                document.get("paths").get("/stores/{store_id}/inventory/adjust").get("post"));
        return OpenApiRules.violations(document, ADJUST_ENDPOINT);
    }

    private static ObjectNode responses(JsonNode operation) {
        return (ObjectNode) operation.get("responses");
    }
}
