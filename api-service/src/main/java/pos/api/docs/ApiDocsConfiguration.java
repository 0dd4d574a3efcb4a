package pos.api.docs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc builds from the controllers ({@code /openapi.json}, Swagger UI at {@code /docs},
 * ReDoc at {@code /redoc}). The parts every endpoint shares (security, problem responses, idempotency and paging
 * headers) are added by {@link ApiConventions} from one place; the controllers carry only per-endpoint facts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocsConfiguration {

    static {
        // the servlet error page is not an operation: springdoc hides only Boot's own BasicErrorController, so a
        // custom ErrorController would otherwise be documented under /error with every HTTP method
        SpringDocUtils.getConfig().addHiddenRestControllers(ErrorController.class);
    }

    static final String DESCRIPTION = """
            REST edge of the event-driven point-of-sale backend: identity, catalog, orders and inventory.

            Conventions:
            - JSON property names are snake_case (a few users fields keep the original service's camelCase twins).
            - Money and quantities are **decimal strings** that keep their scale (`"2.50"`); requests may send a \
            JSON number too, which is read from its exact text. At most 2 decimal places and 16 integer digits.
            - Instants are ISO-8601 in UTC with `Z`.
            - Every path answers with and without a trailing slash (`/orders` and `/orders/`).
            - Errors are `application/problem+json` (RFC 9457); validation errors add `errors: [{field, message}]`.
            - Lists answer a plain JSON array and the total in `X-Total-Count`; page with `skip` and `limit`.
            - Authenticate with `POST /auth/login` and send `Authorization: Bearer <access_token>`. A token sent \
            to a public endpoint is checked too: an invalid one is a 401 there as well.
            - `POST /orders/` and `POST /stores/{store_id}/inventory/adjust` take an `Idempotency-Key`: retrying \
            with the same key replays the first final answer (`Idempotent-Replayed: true`).

            The Kafka topics are described by the AsyncAPI document at [/asyncapi.yaml](/asyncapi.yaml) and their \
            JSON Schemas at [/schemas](/schemas).""";

    @Bean
    OpenAPI posOpenApi() {
        String version = ApiDocsConfiguration.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("POS API")
                        .version(version == null ? "dev" : version)
                        .description(DESCRIPTION))
                .tags(List.of(
                        tag("Accounts", "Registration, login and the public signing keys"),
                        tag("Users", "Accounts as the original exposed them, plus administration by admins"),
                        tag("Categories", "Product categories; reads are public, writes need a manager or admin"),
                        tag(
                                "Products",
                                "The catalog; reads are public, writes need a manager or admin. Every "
                                        + "change is published on pos.catalog.products.v1"),
                        tag(
                                "Orders",
                                "Order intake and lifecycle; a user whose store_ids is not empty sees and "
                                        + "changes only the orders of those stores"),
                        tag(
                                "Inventory",
                                "Stock per store and product: on hand, reserved and available; a user "
                                        + "whose store_ids is not empty acts only on those stores"),
                        tag("Stores", "A store's settings (order expiry); an admin, or a manager of the store"),
                        tag(
                                "Dead letters",
                                "Records a consumer could not handle: list, re-drive or discard them; "
                                        + "admins with every store only"),
                        tag("Documentation", "Machine-readable descriptions of the API and its Kafka topics"),
                        tag(
                                "Operations",
                                "Liveness for the original service's clients; operators use " + "/actuator/health")))
                .externalDocs(new ExternalDocumentation()
                        .description("AsyncAPI document of the Kafka topics")
                        .url("/asyncapi.yaml"))
                .components(new Components()
                        .addSecuritySchemes(
                                ApiConventions.BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("RS256 access token from POST /auth/login, or from the configured "
                                                + "external issuer. Roles come from its roles claim, store limits from "
                                                + "store_ids.")));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    /**
     * Schemas use the wire names: the application's JSON mapper writes snake_case (Jackson 3), which springdoc's
     * own Jackson 2 introspection does not know about. Replaces springdoc's default resolver (same class).
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(true);
    }

    @Bean
    DecimalSchemas decimalSchemas() {
        return new DecimalSchemas();
    }

    @Bean
    ApiConventions apiConventions() {
        return new ApiConventions();
    }

    @Bean
    ListResponses listResponses() {
        return new ListResponses();
    }
}
