package pos.api.identity;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The role matrix in one place, first match wins; anything unlisted needs a valid token. Paths are matched after
 * the trailing-slash filter, so {@code /users/} is {@code /users}. Finer rules (self-or-admin on a user, store
 * scoping) are checked by the controllers.
 */
public final class AccessPolicy {

    /** STAFF_OR_DISPLAY: any role, or a paired kitchen display (its token is scoped to one store). */
    public enum Access {
        PUBLIC,
        ANY_ROLE,
        STAFF_OR_DISPLAY,
        MANAGER_OR_ADMIN,
        ADMIN,
        AUTHENTICATED
    }

    /** @param method null for every method */
    public record Rule(HttpMethod method, String pattern, Access access) {}

    public static final List<Rule> RULES = List.of(
            new Rule(GET, "/health", Access.PUBLIC),
            new Rule(GET, "/actuator/health/**", Access.PUBLIC),
            new Rule(GET, "/actuator/info", Access.PUBLIC),
            // metrics (and every other actuator endpoint) need an admin's token; Prometheus scrapes a management port
            // instead (management.server.port), which deployments do not publish: see SecurityConfiguration
            new Rule(null, "/actuator/**", Access.ADMIN),
            new Rule(POST, "/auth/register", Access.PUBLIC),
            new Rule(POST, "/auth/login", Access.PUBLIC),
            new Rule(GET, "/.well-known/jwks.json", Access.PUBLIC),
            new Rule(GET, "/openapi.json/**", Access.PUBLIC),
            new Rule(GET, "/asyncapi.yaml", Access.PUBLIC),
            new Rule(GET, "/asyncapi.json", Access.PUBLIC),
            new Rule(GET, "/docs/**", Access.PUBLIC),
            new Rule(GET, "/redoc/**", Access.PUBLIC),
            new Rule(GET, "/webjars/redoc/**", Access.PUBLIC),
            new Rule(GET, "/swagger-ui/**", Access.PUBLIC),
            new Rule(GET, "/categories/**", Access.PUBLIC),
            new Rule(GET, "/products/**", Access.PUBLIC),
            new Rule(GET, "/schemas/**", Access.PUBLIC),
            new Rule(null, "/error", Access.PUBLIC),
            // the kitchen display page and its assets (no data: the page asks for a token to read anything)
            new Rule(GET, "/stores/*/kitchen", Access.PUBLIC),
            new Rule(GET, "/kitchen/*", Access.PUBLIC),
            new Rule(POST, "/categories/**", Access.MANAGER_OR_ADMIN),
            new Rule(PUT, "/categories/**", Access.MANAGER_OR_ADMIN),
            new Rule(PATCH, "/categories/**", Access.MANAGER_OR_ADMIN),
            new Rule(DELETE, "/categories/**", Access.MANAGER_OR_ADMIN),
            new Rule(POST, "/products/**", Access.MANAGER_OR_ADMIN),
            new Rule(PATCH, "/products/**", Access.MANAGER_OR_ADMIN),
            new Rule(DELETE, "/products/**", Access.MANAGER_OR_ADMIN),
            new Rule(POST, "/stores/*/inventory/adjust", Access.MANAGER_OR_ADMIN),
            new Rule(GET, "/stores/*/settings", Access.MANAGER_OR_ADMIN),
            new Rule(PUT, "/stores/*/settings", Access.MANAGER_OR_ADMIN),
            new Rule(null, "/stores/*/displays/**", Access.MANAGER_OR_ADMIN),
            new Rule(POST, "/stores/*/inventory/count", Access.MANAGER_OR_ADMIN),
            new Rule(null, "/admin/**", Access.ADMIN),
            new Rule(GET, "/users/me", Access.ANY_ROLE),
            new Rule(GET, "/users", Access.ADMIN),
            new Rule(GET, "/users/*", Access.ANY_ROLE),
            new Rule(PATCH, "/users/*", Access.ADMIN),
            new Rule(DELETE, "/users/*", Access.ADMIN),
            new Rule(POST, "/orders", Access.ANY_ROLE),
            new Rule(GET, "/orders/**", Access.ANY_ROLE),
            new Rule(PATCH, "/orders/*/status", Access.STAFF_OR_DISPLAY),
            new Rule(GET, "/stores/*/orders/stream", Access.STAFF_OR_DISPLAY),
            new Rule(GET, "/stores/*/inventory/**", Access.ANY_ROLE));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private AccessPolicy() {}

    /** Who may call this; the same first-match rule the security filter applies. */
    public static Access accessFor(HttpMethod method, String path) {
        var container = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(r -> (r.method() == null || r.method().equals(method))
                        && PARSER.parse(r.pattern()).matches(container))
                .map(Rule::access)
                .findFirst()
                .orElse(Access.AUTHENTICATED);
    }
}
