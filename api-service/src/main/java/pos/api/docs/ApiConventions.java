package pos.api.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import pos.api.idempotency.IdempotentRequests;
import pos.api.identity.AccessPolicy;
import pos.api.identity.AccessPolicy.Access;

/**
 * What every endpoint shares, applied to the finished document so no controller has to repeat it:
 * <ul>
 * <li>security from {@link AccessPolicy}, the same rules the filter chain enforces: public operations need no
 * token ({@code security: []}), all others the bearer JWT, with 401 and (for role-restricted ones) 403;</li>
 * <li>400 for every operation that takes input;</li>
 * <li>every error response as {@code application/problem+json} with the ProblemDetail schema, whatever the
 * controller's annotation said about its content;</li>
 * <li>for operations that take an {@code Idempotency-Key}: the key's rules, the {@code Idempotent-Replayed}
 * header on replayed answers, and 409 / 422 / 503;</li>
 * <li>path variables in snake_case, as the README and the error messages name them.</li>
 * </ul>
 */
final class ApiConventions implements OpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String PROBLEM_DETAIL = "ProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private static final Map<String, String> DEFAULT_DESCRIPTIONS = Map.of(
            "400", "Invalid request: validation failed (`errors` names each field), malformed JSON or a malformed id",
            "401", "No token, or an invalid, expired or revoked one (`WWW-Authenticate: Bearer`)",
            "403", "The caller's role does not allow this (`WWW-Authenticate: Bearer error=\"insufficient_scope\"`)",
            "409", "A request with the same Idempotency-Key is still being processed (waited 10 s); retry later",
            "422", "The Idempotency-Key was used before with a different request",
            "503", "Kafka did not acknowledge the command in time; retry with the same Idempotency-Key");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        var paths = new Paths();
        openApi.getPaths().forEach((path, item) -> {
            String documented = snakeCasePathVariables(path);
            item.readOperationsMap().forEach((method, operation) -> {
                renamePathParameters(operation);
                apply(HttpMethod.valueOf(method.name()), documented, operation);
            });
            paths.addPathItem(documented, item);
        });
        openApi.setPaths(paths);
        // added here, with the references to them: springdoc drops component schemas nothing refers to yet
        if (openApi.getComponents() == null) {
            openApi.setComponents(new io.swagger.v3.oas.models.Components());
        }
        openApi.getComponents()
                .addSchemas(PROBLEM_DETAIL, ProblemSchemas.problemDetail())
                .addSchemas(ProblemSchemas.FIELD_ERROR, ProblemSchemas.fieldError());
    }

    private static void apply(HttpMethod method, String path, Operation operation) {
        var access = AccessPolicy.accessFor(method, path);
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);

        if (access == Access.PUBLIC) {
            operation.setSecurity(List.of());
        } else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
            addIfAbsent(responses, "401");
            if (access == Access.MANAGER_OR_ADMIN || access == Access.ADMIN) {
                addIfAbsent(responses, "403");
            }
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (takesInput) {
            addIfAbsent(responses, "400");
        }
        if (idempotencyKey(operation) != null) {
            documentIdempotency(operation, responses);
        }
        responses.forEach((code, response) -> {
            if (isError(code)) {
                response.setContent(problemContent());
            }
        });
        sort(operation, responses);
    }

    private static void documentIdempotency(Operation operation, ApiResponses responses) {
        idempotencyKey(operation)
                .description("Makes a retry safe: the same key (per user) with the same request replays the first "
                        + "final answer, status and body, without doing anything again. Up to "
                        + IdempotentRequests.MAX_KEY_LENGTH + " characters; blank counts as absent; kept 72 hours "
                        + "by default. A 202 or 5xx is not final: a retry picks the request up again with the same "
                        + "ids.")
                .example("till-7-0001")
                .getSchema()
                .maxLength(IdempotentRequests.MAX_KEY_LENGTH);
        addIfAbsent(responses, "409");
        addIfAbsent(responses, "422");
        addIfAbsent(responses, "503");
        var replayed = new Header()
                .description(
                        "`true` when this answer is a replay of an earlier request with the same " + "Idempotency-Key")
                .schema(ProblemSchemas.ofType("string")._enum(List.of("true")));
        responses.forEach((code, response) -> {
            // only final answers are stored and replayed: not a 202 (decision pending), 401 (refused before the
            // key is looked at) or 422 (the key's own refusal)
            if ((code.startsWith("2") || code.startsWith("4"))
                    && !List.of("202", "401", "422").contains(code)) {
                response.addHeaderObject(IdempotentRequests.REPLAYED_HEADER, replayed);
            }
        });
    }

    static Parameter idempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return null;
        }
        return operation.getParameters().stream()
                .filter(p -> "header".equals(p.getIn()) && IdempotentRequests.HEADER.equalsIgnoreCase(p.getName()))
                .findFirst()
                .orElse(null);
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ProblemSchemas.ref(PROBLEM_DETAIL)));
    }

    private static void addIfAbsent(ApiResponses responses, String code) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(DEFAULT_DESCRIPTIONS.get(code)));
        }
    }

    private static boolean isError(String code) {
        return code.startsWith("4") || code.startsWith("5");
    }

    private static void sort(Operation operation, ApiResponses responses) {
        var sorted = new ApiResponses();
        responses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        sorted.setExtensions(responses.getExtensions());
        operation.setResponses(sorted);
    }

    private static void renamePathParameters(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(p -> "path".equals(p.getIn()))
                    .forEach(p -> p.setName(snakeCase(p.getName())));
        }
    }

    /** {@code /stores/{storeId}/inventory} as {@code /stores/{store_id}/inventory}. */
    static String snakeCasePathVariables(String path) {
        Matcher m = PATH_VARIABLE.matcher(path);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("{" + snakeCase(m.group(1)) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
