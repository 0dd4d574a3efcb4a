package pos.api.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import pos.api.identity.AccessPolicy;
import pos.api.identity.AccessPolicy.Access;
import tools.jackson.databind.JsonNode;

/**
 * What "documented" means for one endpoint, as a list of violations (empty when it is documented). Kept apart from
 * the IT so {@code OpenApiRulesTest} can show each rule failing on a document that breaks it.
 */
final class OpenApiRules {

    static final String PROBLEM_REF = "#/components/schemas/ProblemDetail";

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /**
     * A handler method as Spring MVC maps it.
     *
     * @param path the mapping pattern with the code's variable names ({@code /orders/{orderId}})
     * @param headers the request headers the handler reads ({@code @RequestHeader})
     */
    record Endpoint(HttpMethod method, String path, boolean returnsBody, Set<String> headers) {

        /** The path as documented: variables in snake_case, like the README ({@code /orders/{order_id}}). */
        String documentedPath() {
            Matcher m = PATH_VARIABLE.matcher(path);
            var out = new StringBuilder();
            while (m.find()) {
                String snake =
                        m.group(1).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
                m.appendReplacement(out, Matcher.quoteReplacement("{" + snake + "}"));
            }
            m.appendTail(out);
            return out.toString();
        }

        @Override
        public String toString() {
            return method + " " + documentedPath();
        }
    }

    private OpenApiRules() {}

    static List<String> violations(JsonNode document, Endpoint endpoint) {
        var found = new ArrayList<String>();
        JsonNode operation = document.path("paths")
                .path(endpoint.documentedPath())
                .path(endpoint.method().name().toLowerCase(Locale.ROOT));
        if (!operation.isObject()) {
            found.add(endpoint + ": not documented");
            return found;
        }
        if (operation.path("summary").asString("").isBlank()) {
            found.add(endpoint + ": no summary");
        }
        JsonNode responses = operation.path("responses");
        successResponse(endpoint, responses, found);
        errorResponses(endpoint, responses, found);
        security(endpoint, operation, responses, found);
        parameters(endpoint, operation, responses, found);
        return found;
    }

    private static void successResponse(Endpoint endpoint, JsonNode responses, List<String> found) {
        var successes = responses.propertyNames().stream()
                .filter(code -> code.startsWith("2"))
                .toList();
        if (successes.isEmpty()) {
            found.add(endpoint + ": no 2xx response");
            return;
        }
        if (!endpoint.returnsBody()) {
            return;
        }
        for (String code : successes) {
            JsonNode content = responses.path(code).path("content");
            if (content.isEmpty()) {
                found.add(endpoint + ": " + code + " has no content although the handler returns a body");
            }
            content.properties().forEach(media -> {
                JsonNode schema = media.getValue().path("schema");
                if (schema.isMissingNode() || schema.isEmpty()) {
                    found.add(endpoint + ": " + code + " " + media.getKey() + " has no schema");
                } else if (media.getKey().equals("application/json")
                        && "string".equals(schema.path("type").asString(""))
                        && !schema.has("$ref")) {
                    found.add(endpoint + ": " + code + " documents a JSON body as a bare string");
                }
            });
        }
    }

    private static void errorResponses(Endpoint endpoint, JsonNode responses, List<String> found) {
        responses.properties().forEach(response -> {
            String code = response.getKey();
            if (!code.startsWith("4") && !code.startsWith("5")) {
                return;
            }
            JsonNode content = response.getValue().path("content");
            if (content.size() != 1
                    || !PROBLEM_REF.equals(content.path("application/problem+json")
                            .path("schema")
                            .path("$ref")
                            .asString(""))) {
                found.add(endpoint + ": " + code + " is not application/problem+json with the ProblemDetail schema");
            }
            if (response.getValue().path("description").asString("").isBlank()) {
                found.add(endpoint + ": " + code + " has no description");
            }
        });
    }

    private static void security(Endpoint endpoint, JsonNode operation, JsonNode responses, List<String> found) {
        Access access = AccessPolicy.accessFor(endpoint.method(), endpoint.documentedPath());
        JsonNode security = operation.path("security");
        if (access == Access.PUBLIC) {
            if (!security.isArray() || !security.isEmpty()) {
                found.add(endpoint + ": public in AccessPolicy but not documented with security: []");
            }
            return;
        }
        if (security.size() != 1 || !security.get(0).has(ApiConventions.BEARER)) {
            found.add(endpoint + ": needs a token (" + access + ") but does not require the bearer scheme");
        }
        if (!responses.has("401")) {
            found.add(endpoint + ": needs a token but documents no 401");
        }
        if ((access == Access.MANAGER_OR_ADMIN || access == Access.ADMIN) && !responses.has("403")) {
            found.add(endpoint + ": restricted to " + access + " but documents no 403");
        }
    }

    private static void parameters(Endpoint endpoint, JsonNode operation, JsonNode responses, List<String> found) {
        var documented = operation
                .path("parameters")
                .valueStream()
                .map(p -> p.path("in").asString() + ":"
                        + p.path("name").asString().toLowerCase(Locale.ROOT))
                .toList();
        Matcher variables = PATH_VARIABLE.matcher(endpoint.documentedPath());
        while (variables.find()) {
            if (!documented.contains("path:" + variables.group(1))) {
                found.add(endpoint + ": path variable " + variables.group(1) + " not documented");
            }
        }
        for (String header : endpoint.headers()) {
            if (!documented.contains("header:" + header.toLowerCase(Locale.ROOT))) {
                found.add(endpoint + ": request header " + header + " not documented");
            }
        }
        boolean takesInput = operation.has("requestBody") || !documented.isEmpty();
        if (takesInput && !responses.has("400")) {
            found.add(endpoint + ": takes input but documents no 400");
        }
        if (endpoint.headers().contains("Idempotency-Key")) {
            if (!responses.has("422")) {
                found.add(endpoint + ": takes an Idempotency-Key but documents no 422");
            }
            if (!responses.path("200").path("headers").has("Idempotent-Replayed")) {
                found.add(endpoint + ": takes an Idempotency-Key but its 200 has no Idempotent-Replayed header");
            }
        }
        if (documented.contains("query:limit")
                && !responses.path("200").path("headers").has("X-Total-Count")) {
            found.add(endpoint + ": a paged list without the X-Total-Count header");
        }
    }
}
