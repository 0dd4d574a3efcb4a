package pos.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import pos.api.identity.AccessPolicy.Access;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET,    /health,                                   PUBLIC",
        "GET,    /actuator/health,                          PUBLIC",
        "GET,    /actuator/health/liveness,                 PUBLIC",
        "GET,    /actuator/info,                            PUBLIC",
        "GET,    /actuator/health/readiness,                PUBLIC",
        "GET,    /actuator/prometheus,                      ADMIN",
        "GET,    /actuator/env,                             ADMIN",
        "POST,   /actuator/shutdown,                        ADMIN",
        "GET,    /actuator,                                 ADMIN",
        "POST,   /auth/register,                            PUBLIC",
        "POST,   /auth/login,                               PUBLIC",
        "GET,    /auth/login,                               AUTHENTICATED",
        "GET,    /.well-known/jwks.json,                    PUBLIC",
        "GET,    /openapi.json,                             PUBLIC",
        "GET,    /openapi.json/swagger-config,              PUBLIC",
        "POST,   /openapi.json,                             AUTHENTICATED",
        "GET,    /asyncapi.yaml,                            PUBLIC",
        "GET,    /asyncapi.json,                            PUBLIC",
        "GET,    /redoc,                                    PUBLIC",
        "GET,    /docs,                                     PUBLIC",
        "GET,    /swagger-ui/index.html,                    PUBLIC",
        "GET,    /webjars/redoc/2.1.4/bundles/redoc.standalone.js, PUBLIC",
        "GET,    /webjars/swagger-ui/index.html,            AUTHENTICATED",
        "GET,    /categories,                               PUBLIC",
        "GET,    /categories/combo,                         PUBLIC",
        "GET,    /products/65c0ffee0000000000000001,        PUBLIC",
        "GET,    /schemas/order-event.json,                 PUBLIC",
        "POST,   /categories,                               MANAGER_OR_ADMIN",
        "PUT,    /categories/65c0ffee0000000000000001,      MANAGER_OR_ADMIN",
        "DELETE, /categories/65c0ffee0000000000000001,      MANAGER_OR_ADMIN",
        "POST,   /products,                                 MANAGER_OR_ADMIN",
        "POST,   /products/FOD-20260205-A3B7/regenerate-sku, MANAGER_OR_ADMIN",
        "PATCH,  /products/65c0ffee0000000000000001,        MANAGER_OR_ADMIN",
        "DELETE, /products/65c0ffee0000000000000001,        MANAGER_OR_ADMIN",
        "POST,   /stores/65c0ffee0000000000000001/inventory/adjust, MANAGER_OR_ADMIN",
        "GET,    /stores/65c0ffee0000000000000001/inventory,  ANY_ROLE",
        "GET,    /stores/65c0ffee0000000000000001/inventory/65c0ffee0000000000000002, ANY_ROLE",
        "GET,    /users/me,                                 ANY_ROLE",
        "GET,    /users,                                    ADMIN",
        "GET,    /users/65c0ffee0000000000000001,           ANY_ROLE",
        "PATCH,  /users/65c0ffee0000000000000001,           ADMIN",
        "DELETE, /users/65c0ffee0000000000000001,           ADMIN",
        "PATCH,  /users/me,                                 ADMIN",
        "POST,   /orders,                                   ANY_ROLE",
        "GET,    /orders,                                   ANY_ROLE",
        "GET,    /orders/65c0ffee0000000000000001,          ANY_ROLE",
        "PATCH,  /orders/65c0ffee0000000000000001/status,   STAFF_OR_DISPLAY",
        "GET,    /stores/65c0ffee0000000000000001/orders/stream, STAFF_OR_DISPLAY",
        "POST,   /stores/65c0ffee0000000000000001/displays, MANAGER_OR_ADMIN",
        "DELETE, /stores/65c0ffee0000000000000001/displays/65c0ffee0000000000000002, MANAGER_OR_ADMIN",
        "GET,    /stores/65c0ffee0000000000000001/kitchen,  PUBLIC",
        "GET,    /kitchen/kitchen.js,                       PUBLIC",
        "GET,    /kitchen/secret/deeper,                    AUTHENTICATED",
        "POST,   /stores/65c0ffee0000000000000001/kitchen,  AUTHENTICATED",
        "DELETE, /orders/65c0ffee0000000000000001,          AUTHENTICATED",
        "GET,    /somewhere/else,                           AUTHENTICATED"
    })
    void firstMatchingRuleDecides(HttpMethod method, String path, Access expected) {
        assertThat(AccessPolicy.accessFor(method, path)).isEqualTo(expected);
    }
}
