package pos.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import pos.api.docs.OpenApiRules.Endpoint;
import pos.api.support.AbstractApiIT;
import pos.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document covers every endpoint the application maps: each handler method Spring MVC knows must have
 * its path and method in {@code /openapi.json} with a summary, a 2xx response with a schema, problem+json error
 * responses and the security requirement {@code AccessPolicy} enforces. Adding an endpoint without documenting it
 * fails here. Also: the documentation pages answer, anonymously.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentationIT extends AbstractApiIT {

    /** Pages for people, not operations of the API (like springdoc's own Swagger UI at /docs). */
    private static final Set<String> PAGES = Set.of("GET /redoc", "GET /stores/{store_id}/kitchen");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private JsonNode document;

    @BeforeAll
    void readDocument() {
        var response = get("/openapi.json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        document = JSON.readTree(response.body());
        // for reviewers: the document of this build, beside the test reports
        writeQuietly(java.nio.file.Path.of("target", "openapi.json"), response.body());
    }

    private static void writeQuietly(java.nio.file.Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text);
        } catch (IOException e) {
            // only a convenience
        }
    }

    @Test
    void everyHandlerMethodIsDocumented() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints)
                .extracting(Endpoint::toString)
                .contains(
                        "POST /orders",
                        "POST /stores/{store_id}/inventory/adjust",
                        "GET /users/me",
                        "POST /auth/login",
                        "GET /asyncapi.yaml");

        var violations = endpoints.stream()
                .flatMap(e -> OpenApiRules.violations(document, e).stream())
                .toList();
        assertThat(violations).as("documentation problems").isEmpty();
    }

    @Test
    void nothingIsDocumentedThatTheApplicationDoesNotServe() {
        Set<String> served = endpoints().stream().map(Endpoint::toString).collect(Collectors.toSet());
        var documented = new ArrayList<String>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(served).containsAll(documented);
    }

    @Test
    void idempotencyKeyIsDocumentedExactlyWhereItIsAccepted() {
        var withKey = endpoints().stream()
                .filter(e -> e.headers().contains("Idempotency-Key"))
                .map(Endpoint::toString)
                .toList();
        assertThat(withKey)
                .containsExactlyInAnyOrder(
                        "POST /orders",
                        "POST /stores/{store_id}/inventory/adjust",
                        "POST /stores/{store_id}/inventory/count");

        JsonNode place = operation("/orders", "post");
        assertThat(place.path("parameters")
                        .valueStream()
                        .map(p -> p.path("name").asString()))
                .contains("Idempotency-Key", "Prefer");
        assertThat(place.path("responses").propertyNames()).contains("200", "202", "400", "401", "403", "409", "422");
        assertThat(place.path("responses").path("202").path("headers").has("Location"))
                .isTrue();
        assertThat(place.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/PlaceOrderRequest");
    }

    @Test
    void securitySchemeAndSchemasFollowTheWireFormat() {
        JsonNode bearer = document.path("components").path("securitySchemes").path(ApiConventions.BEARER);
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");

        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path("ProblemDetail").path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "errors");
        assertThat(schemas.path("PlaceOrderRequest").path("properties").propertyNames())
                .containsExactlyInAnyOrder("store_id", "user_id", "items", "idempotency_key", "occurred_at");
        assertThat(schemas.path("PlaceOrderLine")
                        .path("properties")
                        .path("qty")
                        .path("type")
                        .asString())
                .isEqualTo("string");
        assertThat(schemas.path("OrderItem")
                        .path("properties")
                        .path("price")
                        .path("pattern")
                        .asString())
                .isEqualTo(DecimalSchemas.PATTERN);
        assertThat(schemas.path("InventoryItem").path("properties").propertyNames())
                .contains("store_id", "reserved_qty", "available_qty", "low_stock", "created_at");

        // decimals are strings everywhere; names are snake_case except the original service's user fields
        var legacyUserFields = Set.of("isDeleted", "createdAt", "createdBy", "updatedBy", "deletedAt", "deletedBy");
        schemas.properties()
                .forEach(schema -> schema.getValue()
                        .path("properties")
                        .properties()
                        .forEach(p -> {
                            assertThat(p.getValue().path("type").asString(""))
                                    .as("%s.%s", schema.getKey(), p.getKey())
                                    .isNotEqualTo("number");
                            if (!(schema.getKey().equals("UserResponse") && legacyUserFields.contains(p.getKey()))) {
                                assertThat(p.getKey())
                                        .as("%s.%s", schema.getKey(), p.getKey())
                                        .matches("_?[a-z][a-z0-9_-]*");
                            }
                        }));
    }

    @Test
    void swaggerUiAndRedocAnswerHtmlAnonymously() {
        var docs = get("/docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(docs.body()).containsIgnoringCase("swagger-ui");
        System.out.println("Swagger UI served at " + docs.uri());

        var config = JSON.readTree(get("/openapi.json/swagger-config").body());
        assertThat(config.path("url").asString()).isEqualTo("/openapi.json");

        var redoc = get("/redoc");
        assertThat(redoc.statusCode()).isEqualTo(200);
        assertThat(redoc.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(redoc.body())
                .contains("<redoc spec-url=\"/openapi.json\">")
                .contains("src=\"" + ApiDocsProperties.REDOC_SCRIPT + "\"")
                .doesNotContain("integrity=")
                .doesNotContain("https://")
                .doesNotContain("http://");
        assertThat(get("/redoc/").statusCode()).isEqualTo(200);

        // the page's script comes from the API itself (the bundled webjar), so /redoc works without internet
        var script = get(ApiDocsProperties.REDOC_SCRIPT);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(script.body()).hasSizeGreaterThan(100_000).contains("Redoc");
    }

    @Test
    void asyncApiDocumentIsServedAsYamlAndJson() {
        var yaml = get("/asyncapi.yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(yaml.body()).contains("asyncapi: 3.0.0").contains("address: " + Topics.ORDER_EVENTS + "\n");

        var json = get("/asyncapi.json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode asyncApi = JSON.readTree(json.body());
        assertThat(asyncApi.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("channels").size())
                .isEqualTo(Topics.all().size() + Topics.withDeadLetters().size());
        // the payload references resolve against the served schemas
        String payload = asyncApi.path("components")
                .path("messages")
                .path("OrderStatusChanged")
                .path("payload")
                .path("$ref")
                .asString();
        assertThat(get("/" + payload.substring(0, payload.indexOf('#'))).statusCode())
                .isEqualTo(200);
    }

    private JsonNode operation(String path, String method) {
        return document.path("paths").path(path).path(method);
    }

    /** Every handler method of the application, one entry per path and HTTP method. */
    private List<Endpoint> endpoints() {
        // two handlers may share a path and method (login as JSON and as a form): they are one operation
        var byOperation = new LinkedHashMap<String, Endpoint>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                handlerMapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            String owner = handler.getBeanType().getName();
            if (owner.startsWith("org.springdoc.") || ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                continue; // springdoc's own endpoints, and the servlet error page (any ErrorController: Boot's or ours)
            }
            var methods = entry.getKey().getMethodsCondition().getMethods();
            assertThat(methods).as("%s maps no HTTP method", handler).isNotEmpty();
            for (String path : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                for (var method : methods) {
                    var endpoint = new Endpoint(
                            HttpMethod.valueOf(method.name()), path, returnsBody(handler), headers(handler));
                    if (!PAGES.contains(endpoint.toString())) {
                        byOperation.merge(
                                endpoint.toString(),
                                endpoint,
                                (a, b) -> a.headers().size() >= b.headers().size() ? a : b);
                    }
                }
            }
        }
        return List.copyOf(byOperation.values());
    }

    private static boolean returnsBody(HandlerMethod handler) {
        var type = ResolvableType.forMethodReturnType(handler.getMethod());
        if (type.toClass() == void.class) {
            return false;
        }
        return !(ResponseEntity.class.isAssignableFrom(type.toClass())
                && type.getGeneric(0).toClass() == Void.class);
    }

    private static Set<String> headers(HandlerMethod handler) {
        var headers = new HashSet<String>();
        Arrays.stream(handler.getMethodParameters())
                .map(p -> p.getParameterAnnotation(RequestHeader.class))
                .filter(java.util.Objects::nonNull)
                .forEach(h -> headers.add(h.value().isEmpty() ? h.name() : h.value()));
        return headers;
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
