package pos.api.fuzz;

import static pos.api.fuzz.Hostile.pick;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.springframework.http.HttpMethod;
import pos.api.fuzz.FuzzCase.Generator;
import pos.api.fuzz.Json.Obj;
import pos.api.identity.AccessPolicy;
import pos.api.identity.AccessPolicy.Access;

/**
 * Which hostile requests each endpoint gets. Every request is refused by construction: a refused credential, a
 * role or store the caller lacks, an id that cannot exist or is not well formed, a query parameter out of range,
 * or a body with one "anchor" field that no mutation touches and that is always invalid (a 5-character password,
 * a negative price, a store the caller may not use...), so nothing the fuzzer sends is a valid request by accident.
 *
 * <p>Cases any endpoint gets from its mapping alone (refused tokens, a missing token where the access policy asks
 * for one, a role below the policy's, an unmapped method, an oversized body) are added automatically. An endpoint
 * that reads a body, path variables, query parameters or headers also needs an entry in {@link #specific} naming
 * how its inputs are fuzzed; without one the test fails, so a new endpoint cannot go unfuzzed.
 */
final class FuzzCatalog {

    /** Actuator's endpoints are mapped by its own handler mapping, not RequestMappingHandlerMapping. */
    private static final List<String> ACTUATOR = List.of(
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            "/actuator/info",
            "/actuator");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> UNKNOWN_FIELDS = List.of(
            "$where",
            "$gt",
            "__proto__",
            "constructor",
            "_id",
            "id",
            "_class",
            "isAdmin",
            "created_at",
            "\u0000",
            "",
            "a.b",
            "x".repeat(10_000));

    private final Fixtures f;
    private final Map<String, List<Generator>> specific = new LinkedHashMap<>();

    FuzzCatalog(Fixtures fixtures) {
        this.f = fixtures;
        defineIdentity();
        defineCatalog();
        defineInventory();
        defineOrders();
        defineKitchen();
        defineMisc();
        defineStoreSettings();
        defineDeadLetters();
    }

    boolean hasSpecific(Endpoint endpoint) {
        return specific.containsKey(endpoint.key());
    }

    Set<String> specifiedKeys() {
        return specific.keySet();
    }

    /** The generators for one endpoint: the automatic ones plus its specific ones. */
    List<Generator> generators(Endpoint endpoint, List<Endpoint> all) {
        var generators = new ArrayList<>(automatic(endpoint, all));
        generators.addAll(specific.getOrDefault(endpoint.key(), List.of()));
        return generators;
    }

    /**
     * Requests to paths no endpoint maps, many of them refused by Tomcat or the firewall before Spring MVC, and to
     * Actuator's endpoints.
     */
    List<Generator> unmapped() {
        List<String> targets = List.of(
                "/nothing-here",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/..;/..;/etc/passwd",
                "//orders",
                "/orders//x",
                "/a/../../etc/passwd",
                "/%00",
                "/%zz",
                "/%",
                "/\u00ff",
                "/{",
                "/a|b",
                "/orders?%zz=1",
                "/orders?a=%zz",
                "/x%2Fy",
                "/x%5Cy",
                "/%c0%ae%c0%ae/",
                "/" + "a".repeat(9_000),
                "/orders/" + "a/".repeat(2_000),
                "/WEB-INF/web.xml",
                "/META-INF/MANIFEST.MF",
                "/.git/config",
                "/actuator/env",
                "/actuator/heapdump",
                "/products/../../users",
                "/;x=1/orders",
                "/orders;x=1",
                "/\u0001",
                "http://evil.example/orders",
                "/orders#frag",
                "/orders?" + "a=1&".repeat(5_000));
        return List.of(
                new Generator(
                        "unmapped path",
                        3,
                        r -> new FuzzCase(
                                "unmapped path",
                                request(
                                        pick(r, List.of("GET", "POST", "DELETE")),
                                        pick(r, targets),
                                        f.admin(),
                                        null,
                                        null),
                                null)),
                new Generator(
                        "unmapped path, no token",
                        1,
                        r -> new FuzzCase(
                                "unmapped path, no token", request("GET", pick(r, targets), null, null, null), null)),
                new Generator("malformed request line", 1, r -> {
                    var target = pick(
                            r, List.of("/orders HTTP/1.1 extra", "/orders\tHTTP", "orders", "", "/orders%20HTTP/1.1"));
                    return new FuzzCase(
                            "malformed request line",
                            request(pick(r, List.of("GET", "G\u0001T", "GET GET")), target, null, null, null),
                            null);
                }),
                new Generator("actuator, refused credential", 1, r -> {
                    var bad = pick(
                            r,
                            f.badCredentials().stream()
                                    .filter(Fixtures.BadCredential::bearer)
                                    .toList());
                    var req = request("GET", pick(r, ACTUATOR), null, null, null);
                    req.headers().put("Authorization", bad.header());
                    return new FuzzCase("actuator, refused credential", req, bad.expectedStatus());
                }),
                new Generator(
                        "actuator, method not mapped",
                        1,
                        r -> new FuzzCase(
                                "actuator, method not mapped",
                                request(
                                        pick(r, List.of("POST", "PUT", "DELETE", "PATCH")),
                                        pick(r, ACTUATOR),
                                        f.admin(),
                                        "application/json",
                                        "{}".getBytes(StandardCharsets.UTF_8)),
                                null)),
                new Generator(
                        "custom method",
                        1,
                        r -> new FuzzCase(
                                "custom method",
                                request(
                                        pick(r, List.of("FOO", "PROPFIND", "TRACE", "M-SEARCH")),
                                        "/orders",
                                        f.admin(),
                                        null,
                                        null),
                                null)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // automatic cases

    private List<Generator> automatic(Endpoint e, List<Endpoint> all) {
        var generators = new ArrayList<Generator>();
        boolean credentialsIgnored = e.pattern().startsWith("/auth/");
        String probeMethod = e.method() == null ? "GET" : e.method();
        Access access = AccessPolicy.accessFor(HttpMethod.valueOf(probeMethod), fill(e.pattern(), Map.of()));
        if (!credentialsIgnored) {
            var refused = f.badCredentials().stream()
                    .filter(c -> c.bearer() || access != Access.PUBLIC && e.method() != null)
                    .toList();
            generators.add(new Generator("refused credential", 4, r -> {
                var bad = pick(r, refused);
                var req = anyRequest(e, r, null);
                req.headers().put("Authorization", bad.header());
                maybeUnacceptable(r, req);
                return new FuzzCase("refused credential: " + bad.name(), req, bad.expectedStatus());
            }));
        }
        if (access != Access.PUBLIC && !credentialsIgnored) {
            generators.add(new Generator("no credential", 1, r -> {
                var req = anyRequest(e, r, null);
                maybeUnacceptable(r, req);
                return new FuzzCase("no credential", req, 401);
            }));
        }
        List<String> weakerRoles = switch (access) {
            case ADMIN -> List.of(f.user(), f.manager());
            case MANAGER_OR_ADMIN -> List.of(f.user(), f.userStoreA());
            default -> List.of();
        };
        if (!weakerRoles.isEmpty()) {
            generators.add(new Generator("role below the policy", 2, r -> {
                var req = anyRequest(e, r, pick(r, weakerRoles));
                maybeUnacceptable(r, req);
                return new FuzzCase("role below the policy", req, 403);
            }));
        }
        var mapped = all.stream()
                .filter(o -> o.pattern().equals(e.pattern()))
                .map(o -> o.method() == null ? "*" : o.method())
                .toList();
        if (!mapped.contains("*")) {
            var unmapped = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "FOO", "PROPFIND"));
            unmapped.removeAll(mapped);
            generators.add(new Generator("method not mapped", 1, r -> {
                var req = anyRequest(e, r, credentialsIgnored ? null : f.admin());
                var method = pick(r, unmapped);
                return new FuzzCase(
                        "method not mapped: " + method,
                        new RawHttp.Request(method, req.target(), req.headers(), req.body(), false),
                        null);
            }));
        }
        generators.add(new Generator("oversized body", 0, r -> {
            var req = anyRequest(e, r, credentialsIgnored ? null : f.admin());
            byte[] big = ("{\"name\":\"" + "x".repeat((3 + r.nextInt(3)) * Hostile.ONE_MEGABYTE) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            req.headers().put("Content-Type", "application/json");
            return new FuzzCase(
                    "oversized body", new RawHttp.Request(req.method(), req.target(), req.headers(), big, false), 413);
        }));
        return generators;
    }

    /** A request to the endpoint with fresh ids in the path and its anchored body, if it reads one. */
    private RawHttp.Request anyRequest(Endpoint e, Random r, String token) {
        String method = e.method() == null ? pick(r, List.of("GET", "POST", "PUT", "PATCH", "DELETE")) : e.method();
        byte[] body = null;
        String contentType = null;
        if (e.readsBody()) {
            body = "{}".getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
        }
        return request(method, fill(e.pattern(), Map.of()), token, contentType, body);
    }

    private static void maybeUnacceptable(Random r, RawHttp.Request req) {
        if (r.nextInt(4) == 0) {
            req.headers().put("Accept", Hostile.unacceptableAccept(r));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // endpoint specific cases

    private void defineIdentity() {
        // anchor: a 5-character password never passes validation, so nothing is registered
        var register = body(
                () -> Obj.of(
                        "name",
                        "Fuzz",
                        "email",
                        "fuzz@example.com",
                        "username",
                        "fuzz-user",
                        "password",
                        "abc12",
                        "role",
                        "user",
                        "store_ids",
                        List.of(f.storeA())),
                Set.of("password"));
        spec(
                "POST /auth/register",
                bodyCases("POST", "/auth/register", null, register),
                contentTypeCases("POST", "/auth/register", null, register));

        // anchor: a grant_type other than "password" is refused before any password is checked
        var login = body(
                () -> Obj.of("username", "fuzz-victim", "password", "wrong-password", "grant_type", "implicit"),
                Set.of("grant_type"));
        spec(
                "POST /auth/login",
                bodyCases("POST", "/auth/login", null, login),
                contentTypeCases("POST", "/auth/login", null, login),
                List.of(new Generator("wrong credentials", 1, r -> {
                    var attempt = Obj.of(
                            "username",
                            pick(r, List.of("fuzz-victim", "FUZZ-VICTIM", "nobody")),
                            "password",
                            pick(r, List.of("wrong-password", "x".repeat(72), "ünïcödé-pässwörd")));
                    return new FuzzCase(
                            "wrong credentials", json("POST", "/auth/login", null, Json.bytes(attempt)), null);
                })));
        spec(
                "POST /auth/login (form)",
                List.of(
                        new Generator("form fields", 4, r -> {
                            var fields = new ArrayList<String>();
                            fields.add("grant_type="
                                    + pick(
                                            r,
                                            List.of(
                                                    "implicit",
                                                    "client_credentials",
                                                    "%00",
                                                    "",
                                                    "password%00",
                                                    "PASSWORD")));
                            if (r.nextBoolean()) {
                                fields.add("username=" + formValue(r));
                            }
                            if (r.nextBoolean()) {
                                fields.add("password=" + formValue(r));
                            }
                            if (r.nextBoolean()) {
                                fields.add(pick(
                                        r,
                                        List.of(
                                                "scope=" + formValue(r),
                                                "grant_type=password",
                                                "%zz=1",
                                                "=",
                                                "&&&",
                                                "username",
                                                "a=%",
                                                "client_secret=" + formValue(r))));
                            }
                            java.util.Collections.shuffle(fields.subList(1, fields.size()), r);
                            byte[] body = String.join("&", fields).getBytes(StandardCharsets.ISO_8859_1);
                            return new FuzzCase(
                                    "form fields",
                                    request("POST", "/auth/login", null, "application/x-www-form-urlencoded", body),
                                    null);
                        }),
                        new Generator("multipart", 2, r -> {
                            String boundary = pick(r, List.of("xyz", "", "a".repeat(5_000), "\"quoted\""));
                            String body = pick(
                                    r,
                                    List.of(
                                            "--" + boundary
                                                    + "\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\n"
                                                    + "implicit\r\n--" + boundary + "--\r\n",
                                            "--" + boundary
                                                    + "\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\n",
                                            "no boundary at all",
                                            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"; "
                                                    + "filename=\"../../x\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                                                    + "\u0000\u0001\r\n--" + boundary + "--\r\n"));
                            String type = boundary.isEmpty()
                                    ? "multipart/form-data"
                                    : "multipart/form-data; boundary=" + boundary;
                            return new FuzzCase(
                                    "multipart",
                                    request(
                                            "POST",
                                            "/auth/login",
                                            null,
                                            type,
                                            body.getBytes(StandardCharsets.ISO_8859_1)),
                                    null);
                        })));

        spec(
                "GET /users/{id}",
                pathCases("GET", "/users/{id}", f.admin(), null),
                List.of(
                        new Generator(
                                "another user's id",
                                1,
                                r -> new FuzzCase(
                                        "another user's id",
                                        request(
                                                "GET",
                                                "/users/" + f.adminId(),
                                                pick(r, List.of(f.user(), f.manager())),
                                                null,
                                                null),
                                        403)),
                        new Generator(
                                "unknown id",
                                1,
                                r -> new FuzzCase(
                                        "unknown id",
                                        request("GET", "/users/" + fresh(), f.admin(), null, null),
                                        404))));
        spec(
                "GET /users",
                queryCases(
                        "/users",
                        f.admin(),
                        Map.of("skip", Hostile::badIntQueryValue, "limit", Hostile::badLimitQueryValue)));
        // anchor: the user does not exist (any change to it is a 404 or, before that, a validation error)
        var userPatch = body(
                () -> Obj.of(
                        "name",
                        "Fuzzed",
                        "email",
                        "fuzzed@example.com",
                        "role",
                        "admin",
                        "store_ids",
                        List.of(f.storeA()),
                        "active",
                        false),
                Set.of());
        spec(
                "PATCH /users/{id}",
                pathCases("PATCH", "/users/{id}", f.admin(), () -> Json.bytes(Obj.of("name", "x"))),
                bodyCases("PATCH", "/users/" + fresh(), f.admin(), userPatch),
                contentTypeCases("PATCH", "/users/" + fresh(), f.admin(), userPatch));
        spec(
                "DELETE /users/{id}",
                pathCases("DELETE", "/users/{id}", f.admin(), null),
                List.of(new Generator(
                        "unknown id",
                        1,
                        r -> new FuzzCase(
                                "unknown id", request("DELETE", "/users/" + fresh(), f.admin(), null, null), 404))));
    }

    private void defineCatalog() {
        // anchor: a prefix with a space and a slash is never a valid SKU prefix
        var category = body(
                () -> Obj.of(
                        "name",
                        "fuzz-category",
                        "display_name",
                        "Fuzz",
                        "sku_prefix",
                        "BAD /",
                        "description",
                        "d",
                        "active",
                        true),
                Set.of("sku_prefix"));
        spec(
                "POST /categories",
                bodyCases("POST", "/categories", f.manager(), category),
                contentTypeCases("POST", "/categories", f.manager(), category));
        spec(
                "GET /categories",
                queryCases(
                        "/categories",
                        null,
                        Map.of(
                                "skip",
                                Hostile::badIntQueryValue,
                                "limit",
                                Hostile::badLimitQueryValue,
                                "active_only",
                                Hostile::badBooleanQueryValue)));
        spec(
                "GET /categories/combo",
                queryCases("/categories/combo", null, Map.of("active_only", Hostile::badBooleanQueryValue)));
        spec(
                "GET /categories/{id}",
                pathCases("GET", "/categories/{id}", null, null),
                List.of(unknownId("GET", "/categories/", null)));
        // anchor: the category does not exist
        var categoryEdit = body(
                () -> Obj.of(
                        "name",
                        "fuzz-edit",
                        "display_name",
                        "Fuzz",
                        "sku_prefix",
                        "FZ",
                        "description",
                        "d",
                        "active",
                        true),
                Set.of());
        spec(
                "PUT /categories/{id}",
                pathCases(
                        "PUT",
                        "/categories/{id}",
                        f.manager(),
                        () -> Json.bytes(categoryEdit.template().get())),
                bodyCases("PUT", "/categories/" + fresh(), f.manager(), categoryEdit),
                contentTypeCases("PUT", "/categories/" + fresh(), f.manager(), categoryEdit));
        spec(
                "DELETE /categories/{id}",
                pathCases("DELETE", "/categories/{id}", f.manager(), null),
                List.of(unknownId("DELETE", "/categories/", f.manager())));

        // anchor: a negative price is refused before anything is stored
        var product = body(
                () -> Obj.of(
                        "name",
                        "Fuzz product",
                        "price",
                        "-1.00",
                        "cost",
                        "0.50",
                        "unit",
                        "pcs",
                        "category_id",
                        f.categoryId(),
                        "sku",
                        "FUZZ-1"),
                Set.of("price"));
        spec(
                "POST /products",
                bodyCases("POST", "/products", f.manager(), product),
                contentTypeCases("POST", "/products", f.manager(), product));
        spec(
                "GET /products",
                queryCases(
                        "/products",
                        null,
                        Map.of(
                                "skip",
                                Hostile::badIntQueryValue,
                                "limit",
                                Hostile::badLimitQueryValue,
                                "category_id",
                                Hostile::badIdQueryValue)));
        spec(
                "GET /products/{id}",
                pathCases("GET", "/products/{id}", null, null),
                List.of(unknownId("GET", "/products/", null)));
        // anchor: the product does not exist
        var productPatch = body(
                () -> Obj.of(
                        "name", "Renamed", "price", "2.00", "cost", null, "unit", "kg", "category_id", f.categoryId()),
                Set.of());
        spec(
                "PATCH /products/{id}",
                pathCases("PATCH", "/products/{id}", f.manager(), () -> Json.bytes(Obj.of("name", "x"))),
                bodyCases("PATCH", "/products/" + fresh(), f.manager(), productPatch),
                contentTypeCases("PATCH", "/products/" + fresh(), f.manager(), productPatch));
        spec(
                "DELETE /products/{id}",
                pathCases("DELETE", "/products/{id}", f.manager(), null),
                List.of(unknownId("DELETE", "/products/", f.manager())));
        spec(
                "POST /products/{sku}/regenerate-sku",
                pathCases("POST", "/products/{sku}/regenerate-sku", f.manager(), null));
    }

    private void defineInventory() {
        // anchor: the manager is limited to store A and adjusts store B (404 once the body is read: outside the
        // caller's stores answers like nothing there)
        var adjust = body(() -> Obj.of("product_id", f.productId(), "delta", "5", "reason", "fuzz"), Set.of());
        String storeB = "/stores/" + f.storeB() + "/inventory/adjust";
        spec(
                "POST /stores/{storeId}/inventory/adjust",
                pathCases(
                        "POST",
                        "/stores/{storeId}/inventory/adjust",
                        f.manager(),
                        () -> Json.bytes(adjust.template().get())),
                bodyCases("POST", storeB, f.managerStoreA(), adjust),
                contentTypeCases("POST", storeB, f.managerStoreA(), adjust),
                idempotencyKeyCases("POST", storeB, f.managerStoreA(), adjust),
                List.of(new Generator(
                        "store not the caller's",
                        1,
                        r -> new FuzzCase(
                                "store not the caller's",
                                json(
                                        "POST",
                                        storeB,
                                        f.managerStoreA(),
                                        Json.bytes(adjust.template().get())),
                                404))));
        // anchor: the manager is limited to store A and counts in store B
        var count = body(() -> Obj.of("product_id", f.productId(), "qty", "5", "note", "fuzz"), Set.of());
        String countB = "/stores/" + f.storeB() + "/inventory/count";
        spec(
                "POST /stores/{storeId}/inventory/count",
                pathCases(
                        "POST",
                        "/stores/{storeId}/inventory/count",
                        f.manager(),
                        () -> Json.bytes(count.template().get())),
                bodyCases("POST", countB, f.managerStoreA(), count),
                contentTypeCases("POST", countB, f.managerStoreA(), count),
                idempotencyKeyCases("POST", countB, f.managerStoreA(), count),
                List.of(new Generator(
                        "store not the caller's",
                        1,
                        r -> new FuzzCase(
                                "store not the caller's",
                                json(
                                        "POST",
                                        countB,
                                        f.managerStoreA(),
                                        Json.bytes(count.template().get())),
                                404))));
        String movements = "/stores/" + f.storeA() + "/inventory/" + f.productId() + "/movements";
        spec(
                "GET /stores/{storeId}/inventory/{productId}/movements",
                pathCases("GET", "/stores/{storeId}/inventory/{productId}/movements", f.admin(), null),
                queryCases(
                        movements,
                        f.admin(),
                        Map.of(
                                "from",
                                r -> pick(r, List.of("yesterday", "2026-13-45T00:00:00Z", "1700000000", "%00")),
                                "to",
                                r -> pick(r, List.of("tomorrow", "2026-02-30T25:00:00Z", "-1", "%24gt")),
                                "skip",
                                Hostile::badIntQueryValue,
                                "limit",
                                Hostile::badLimitQueryValue)),
                List.of(
                        storeNotTheCallers("/stores/" + f.storeB() + "/inventory/" + f.productId() + "/movements"),
                        new Generator(
                                "unknown product",
                                1,
                                r -> new FuzzCase(
                                        "unknown product",
                                        request(
                                                "GET",
                                                "/stores/" + f.storeA() + "/inventory/" + fresh() + "/movements",
                                                f.admin(),
                                                null,
                                                null),
                                        404))));
        spec(
                "GET /stores/{storeId}/inventory",
                pathCases("GET", "/stores/{storeId}/inventory", f.admin(), null),
                queryCases(
                        "/stores/" + f.storeA() + "/inventory",
                        f.admin(),
                        Map.of(
                                "skip",
                                Hostile::badIntQueryValue,
                                "limit",
                                Hostile::badLimitQueryValue,
                                "low",
                                Hostile::badBooleanQueryValue)),
                List.of(storeNotTheCallers("/stores/" + f.storeB() + "/inventory")));
        spec(
                "GET /stores/{storeId}/inventory/{productId}",
                pathCases("GET", "/stores/{storeId}/inventory/{productId}", f.admin(), null),
                List.of(
                        storeNotTheCallers("/stores/" + f.storeB() + "/inventory/" + f.productId()),
                        new Generator(
                                "unknown product",
                                1,
                                r -> new FuzzCase(
                                        "unknown product",
                                        request(
                                                "GET",
                                                "/stores/" + f.storeA() + "/inventory/" + fresh(),
                                                f.admin(),
                                                null,
                                                null),
                                        404))));
    }

    private void defineOrders() {
        // anchor: a cashier limited to store A orders for store B (404 once the body is valid); store_id is only
        // ever replaced by values that are not ids at all
        var order = body(
                () -> Obj.of(
                        "store_id",
                        f.storeB(),
                        "user_id",
                        f.userId(),
                        "items",
                        List.of(Obj.of("product_id", f.productId(), "qty", "1", "price", "3.50")),
                        "idempotency_key",
                        "body-key",
                        "occurred_at",
                        java.time.Instant.now().toString()),
                Set.of("store_id"),
                List.of(FuzzCatalog::mutateOrderLine, FuzzCatalog::tooManyLines));
        spec(
                "POST /orders",
                bodyCases("POST", "/orders", f.userStoreA(), order),
                contentTypeCases("POST", "/orders", f.userStoreA(), order),
                idempotencyKeyCases("POST", "/orders", f.userStoreA(), order),
                List.of(new Generator(
                        "store not the caller's",
                        1,
                        r -> new FuzzCase(
                                "store not the caller's",
                                json(
                                        "POST",
                                        "/orders",
                                        f.userStoreA(),
                                        Json.bytes(order.template().get())),
                                404))));
        spec(
                "GET /orders/{orderId}",
                pathCases("GET", "/orders/{orderId}", f.admin(), null),
                List.of(
                        unknownId("GET", "/orders/", f.admin()),
                        new Generator(
                                "order of another store",
                                1,
                                r -> new FuzzCase(
                                        "order of another store",
                                        request("GET", "/orders/" + f.orderInStoreB(), f.userStoreA(), null, null),
                                        404))));
        spec(
                "GET /orders",
                queryCases(
                        "/orders",
                        f.admin(),
                        Map.of(
                                "store_id",
                                Hostile::badIdQueryValue,
                                "user_id",
                                Hostile::badIdQueryValue,
                                "status",
                                r -> pick(
                                        r,
                                        List.of(
                                                "bogus",
                                                "%24ne",
                                                "CREATED%00",
                                                "pending%20",
                                                "%7B%7D",
                                                "created,confirmed")),
                                "created_from",
                                r -> pick(
                                        r,
                                        List.of(
                                                "yesterday",
                                                "2026-13-45T00:00:00Z",
                                                "1700000000",
                                                "2026-01-01",
                                                "%00",
                                                "+999999999-12-31T23:59:59Z%20")),
                                "created_to",
                                r -> pick(r, List.of("tomorrow", "2026-02-30T25:00:00Z", "-1", "%24gt")),
                                "idempotency_key",
                                r -> pick(r, List.of("k".repeat(256), "%00", "%C3%A9", "a%0Ab")),
                                "skip",
                                Hostile::badIntQueryValue,
                                "limit",
                                Hostile::badLimitQueryValue)),
                List.of(new Generator(
                        "store not the caller's",
                        1,
                        r -> new FuzzCase(
                                "store not the caller's",
                                request("GET", "/orders?store_id=" + f.storeB(), f.userStoreA(), null, null),
                                404))));
        // anchor: the order does not exist (a valid status would change nothing: 404)
        var status = body(() -> Obj.of("status", "cancelled"), Set.of());
        spec(
                "PATCH /orders/{orderId}/status",
                pathCases(
                        "PATCH",
                        "/orders/{orderId}/status",
                        f.admin(),
                        () -> Json.bytes(Obj.of("status", "confirmed"))),
                bodyCases("PATCH", "/orders/" + fresh() + "/status", f.admin(), status),
                contentTypeCases("PATCH", "/orders/" + fresh() + "/status", f.admin(), status),
                List.of(new Generator(
                        "order of another store",
                        1,
                        r -> new FuzzCase(
                                "order of another store",
                                json(
                                        "PATCH",
                                        "/orders/" + f.orderInStoreB() + "/status",
                                        f.userStoreA(),
                                        Json.bytes(Obj.of("status", "cancelled"))),
                                404))));
    }

    private void defineKitchen() {
        String streamB = "/stores/" + f.storeB() + "/orders/stream";
        // every Last-Event-ID here is refused (a valid one would open a stream): 400 before any stream opens
        List<String> badCursors = List.of(
                "x",
                "0:",
                ":1",
                "0:-1",
                "-1:0",
                "0:1.0:2",
                "0:1..1:2",
                "0:1;1:2",
                "99999:1",
                "0:99999999999999999999",
                "0:1.".repeat(2_000),
                "%30:1",
                "0:1 .1:2",
                "{\"$gt\":1}");
        spec(
                "GET /stores/{storeId}/orders/stream",
                pathCases("GET", "/stores/{storeId}/orders/stream", f.admin(), null),
                List.of(storeNotTheCallers(streamB), new Generator("bad Last-Event-ID", 3, r -> {
                    var req = request("GET", "/stores/" + f.storeA() + "/orders/stream", f.admin(), null, null);
                    req.headers().put("Last-Event-ID", pick(r, badCursors));
                    return new FuzzCase("bad Last-Event-ID", req, 400);
                })));
        spec("GET /stores/{storeId}/kitchen", pathCases("GET", "/stores/{storeId}/kitchen", null, null));
        // anchor: a blank screen name never passes validation, so nothing is paired
        var pair = body(() -> Obj.of("name", " "), Set.of("name"));
        String displaysA = "/stores/" + f.storeA() + "/displays";
        spec(
                "POST /stores/{storeId}/displays",
                pathCases(
                        "POST",
                        "/stores/{storeId}/displays",
                        f.admin(),
                        () -> Json.bytes(pair.template().get())),
                bodyCases("POST", displaysA, f.admin(), pair),
                contentTypeCases("POST", displaysA, f.admin(), pair));
        spec(
                "GET /stores/{storeId}/displays",
                pathCases("GET", "/stores/{storeId}/displays", f.admin(), null),
                List.of(new Generator(
                        "store not the caller's",
                        1,
                        r -> new FuzzCase(
                                "store not the caller's",
                                request("GET", "/stores/" + f.storeB() + "/displays", f.managerStoreA(), null, null),
                                404))));
        spec(
                "DELETE /stores/{storeId}/displays/{displayId}",
                pathCases("DELETE", "/stores/{storeId}/displays/{displayId}", f.admin(), null),
                List.of(unknownId("DELETE", displaysA + "/", f.admin())));
    }

    private void defineMisc() {
        spec("GET /schemas/{fileName}", pathCases("GET", "/schemas/{fileName}", null, null));
    }

    private void defineStoreSettings() {
        // anchor: a manager limited to store A changes store B's settings (404 once the body is valid)
        var settings = body(() -> Obj.of("order_expiry_seconds", 60), Set.of());
        String storeB = "/stores/" + f.storeB() + "/settings";
        spec(
                "PUT /stores/{storeId}/settings",
                pathCases(
                        "PUT",
                        "/stores/{storeId}/settings",
                        f.manager(),
                        () -> Json.bytes(Obj.of("order_expiry_seconds", 60))),
                bodyCases("PUT", storeB, f.managerStoreA(), settings),
                contentTypeCases("PUT", storeB, f.managerStoreA(), settings),
                List.of(new Generator(
                        "store not the caller's",
                        1,
                        r -> new FuzzCase(
                                "store not the caller's",
                                json(
                                        "PUT",
                                        storeB,
                                        f.managerStoreA(),
                                        Json.bytes(settings.template().get())),
                                404))));
        spec(
                "GET /stores/{storeId}/settings",
                pathCases("GET", "/stores/{storeId}/settings", f.admin(), null),
                List.of(new Generator(
                        "store not the caller's",
                        1,
                        r -> new FuzzCase(
                                "store not the caller's",
                                request("GET", storeB, f.managerStoreA(), null, null),
                                404))));
    }

    private void defineDeadLetters() {
        // anchors: no dead letter has a fresh id, and no topic but the few with dead-letter topics is accepted
        Function<Random, String> badTopic = r -> pick(
                r,
                List.of(
                        "nope",
                        "pos.orders.commands.v1.dlq",
                        "%00",
                        "pos.catalog.products.v1",
                        "a".repeat(300),
                        "%24where"));
        spec(
                "GET /admin/dead-letters",
                queryCases(
                        "/admin/dead-letters",
                        f.admin(),
                        Map.of(
                                "topic",
                                badTopic,
                                "skip",
                                Hostile::badIntQueryValue,
                                "limit",
                                Hostile::badLimitQueryValue)));
        spec(
                "GET /admin/dead-letters/{id}",
                pathCases("GET", "/admin/dead-letters/{id}", f.admin(), null),
                List.of(unknownId("GET", "/admin/dead-letters/", f.admin())));
        spec(
                "POST /admin/dead-letters/{id}/redrive",
                pathCases("POST", "/admin/dead-letters/{id}/redrive", f.admin(), null),
                List.of(new Generator(
                        "unknown id",
                        1,
                        r -> new FuzzCase(
                                "unknown id",
                                request(
                                        "POST",
                                        "/admin/dead-letters/pos.orders.commands.v1.dlq-0-" + r.nextInt(1_000_000)
                                                + "/redrive",
                                        f.admin(),
                                        null,
                                        null),
                                404))));
        spec(
                "POST /admin/dead-letters/redrive",
                List.of(new Generator(
                        "bad topic",
                        2,
                        r -> new FuzzCase(
                                "bad topic",
                                request(
                                        "POST",
                                        "/admin/dead-letters/redrive"
                                                + pick(r, List.of("", "?topic=", "?topic=" + badTopic.apply(r))),
                                        f.admin(),
                                        null,
                                        null),
                                400))));
        var discard = body(() -> Obj.of("reason", "fuzz"), Set.of());
        String unknown = "/admin/dead-letters/pos.inventory.commands.v1.dlq-0-999999999";
        spec(
                "DELETE /admin/dead-letters/{id}",
                pathCases("DELETE", "/admin/dead-letters/{id}", f.admin(), () -> Json.bytes(Obj.of("reason", "x"))),
                bodyCases("DELETE", unknown, f.admin(), discard),
                contentTypeCases("DELETE", unknown, f.admin(), discard));
    }

    private static void mutateOrderLine(Obj order, Random r) {
        var line = Obj.of("product_id", fresh(), "qty", "1");
        line.set(pick(r, List.of("product_id", "qty", "price")), Hostile.anyHostileValue(r));
        var items = new ArrayList<Object>();
        items.add(line);
        if (r.nextBoolean()) {
            items.add(Hostile.wrongTypeValue(r));
        }
        order.set("items", items);
    }

    private static void tooManyLines(Obj order, Random r) {
        int count = pick(r, List.of(201, 5_000));
        var items = new ArrayList<Object>();
        for (int i = 0; i < count; i++) {
            items.add(Obj.of("product_id", new ObjectId().toHexString(), "qty", "1"));
        }
        order.set("items", items);
    }

    // ---------------------------------------------------------------------------------------------------------
    // generator builders

    /** A body template that is already refused by its anchor fields, which mutations leave alone. */
    record BodySpec(
            Supplier<Obj> template,
            Set<String> anchors,
            List<java.util.function.BiConsumer<Obj, Random>> extraMutations) {}

    private static BodySpec body(Supplier<Obj> template, Set<String> anchors) {
        return new BodySpec(template, anchors, List.of());
    }

    private static BodySpec body(
            Supplier<Obj> template, Set<String> anchors, List<java.util.function.BiConsumer<Obj, Random>> extra) {
        return new BodySpec(template, anchors, extra);
    }

    private List<Generator> bodyCases(String method, String path, String token, BodySpec spec) {
        return List.of(
                new Generator("mutated body", 6, r -> {
                    var body = mutate(spec, r);
                    byte[] bytes = Json.bytes(body);
                    if (r.nextInt(8) == 0) {
                        bytes = Hostile.withBom(bytes);
                    }
                    var req = json(method, path, token, bytes);
                    maybeUnacceptable(r, req);
                    return new FuzzCase("mutated body", req, null);
                }),
                new Generator("broken JSON", 3, r -> {
                    byte[] bytes = Hostile.breakJson(
                            r,
                            Json.bytes(
                                    r.nextBoolean()
                                            ? mutate(spec, r)
                                            : spec.template().get()));
                    return new FuzzCase("broken JSON", json(method, path, token, bytes), null);
                }),
                new Generator("anchor replaced by a structure", 1, r -> {
                    var body = spec.template().get();
                    if (!spec.anchors().isEmpty()) {
                        body.set(
                                pick(r, List.copyOf(spec.anchors())),
                                pick(
                                        r,
                                        List.of(
                                                Obj.of("$gt", ""),
                                                List.of(),
                                                List.of("x"),
                                                Hostile.deepArray(10_000),
                                                Obj.of("a", Obj.of("b", 1)))));
                    }
                    return new FuzzCase(
                            "anchor replaced by a structure", json(method, path, token, Json.bytes(body)), null);
                }),
                new Generator("chunked oversized body", 0, r -> {
                    var body = spec.template().get();
                    var name = pick(
                            r,
                            body.names().stream()
                                            .filter(n -> !spec.anchors().contains(n))
                                            .toList()
                                            .isEmpty()
                                    ? List.of("padding")
                                    : body.names().stream()
                                            .filter(n -> !spec.anchors().contains(n))
                                            .toList());
                    body.set(name, "x".repeat(3 * Hostile.ONE_MEGABYTE));
                    var req = json(method, path, token, Json.bytes(body));
                    return new FuzzCase(
                            "chunked oversized body",
                            new RawHttp.Request(req.method(), req.target(), req.headers(), req.body(), true),
                            413);
                }),
                new Generator(
                        "not an object",
                        1,
                        r -> new FuzzCase(
                                "not an object",
                                json(
                                        method,
                                        path,
                                        token,
                                        Json.bytes(pick(
                                                r,
                                                List.of(
                                                        List.of(spec.template().get()),
                                                        "text",
                                                        42,
                                                        true,
                                                        Hostile.deepObject(10_000))))),
                                null)));
    }

    private Obj mutate(BodySpec spec, Random r) {
        var body = spec.template().get();
        var mutable = new ArrayList<>(body.names());
        mutable.removeAll(spec.anchors());
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            int kind = r.nextInt(6 + spec.extraMutations().size());
            if (kind >= 6) {
                spec.extraMutations().get(kind - 6).accept(body, r);
                continue;
            }
            String field = mutable.isEmpty() ? null : pick(r, mutable);
            switch (kind) {
                case 0, 1 -> {
                    if (field != null) {
                        body.set(field, Hostile.wrongTypeValue(r));
                    }
                }
                case 2 -> {
                    if (field != null) {
                        body.set(field, Hostile.absurdScalar(r));
                    }
                }
                case 3 -> {
                    if (field != null) {
                        body.remove(field);
                    }
                }
                case 4 -> {
                    String name = pick(r, UNKNOWN_FIELDS);
                    if (!spec.anchors().contains(name)) {
                        body.add(name, Hostile.anyHostileValue(r));
                    }
                }
                default -> {
                    if (field != null) {
                        body.add(field, Hostile.anyHostileValue(r));
                    }
                }
            }
        }
        return body;
    }

    private List<Generator> contentTypeCases(String method, String path, String token, BodySpec spec) {
        return List.of(new Generator("wrong content type", 2, r -> {
            byte[] bytes = Json.bytes(spec.template().get());
            var headers = new LinkedHashMap<String, String>();
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            if (r.nextInt(5) > 0) {
                headers.put("Content-Type", Hostile.wrongContentType(r));
            }
            if (r.nextInt(4) == 0) {
                bytes = ("<?xml version=\"1.0\"?><order><store_id>x</store_id></order>")
                        .getBytes(StandardCharsets.UTF_8);
            }
            return new FuzzCase("wrong content type", new RawHttp.Request(method, path, headers, bytes, false), null);
        }));
    }

    private List<Generator> idempotencyKeyCases(String method, String path, String token, BodySpec spec) {
        return List.of(new Generator("bad Idempotency-Key", 2, r -> {
            var req = json(method, path, token, Json.bytes(spec.template().get()));
            req.headers().put("Idempotency-Key", r.nextInt(6) == 0 ? "" : Hostile.badIdempotencyKey(r));
            return new FuzzCase("bad Idempotency-Key", req, null);
        }));
    }

    /** Each path variable in turn replaced by a hostile segment, the others by fresh well-formed ids. */
    private List<Generator> pathCases(String method, String pattern, String token, Supplier<byte[]> body) {
        return List.of(new Generator("hostile path segment", 4, r -> {
            var names = new ArrayList<String>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            var values = new LinkedHashMap<String, String>();
            names.forEach(n -> values.put(n, n.equals("storeId") ? f.storeA() : fresh()));
            values.put(pick(r, names), Hostile.pathSegment(r));
            var req = body == null
                    ? request(method, fill(pattern, values), token, null, null)
                    : json(method, fill(pattern, values), token, body.get());
            maybeUnacceptable(r, req);
            return new FuzzCase("hostile path segment", req, null);
        }));
    }

    /** At least one parameter (the first occurrence of it) is invalid; the rest is noise or valid. */
    private List<Generator> queryCases(String path, String token, Map<String, Function<Random, String>> invalid) {
        return List.of(new Generator("bad query", 4, r -> {
            var names = new ArrayList<>(invalid.keySet());
            java.util.Collections.shuffle(names, r);
            var parts = new ArrayList<String>();
            int bad = 1 + r.nextInt(Math.min(3, names.size()));
            for (int i = 0; i < bad; i++) {
                String name = names.get(i);
                parts.add(name + "=" + invalid.get(name).apply(r));
                if (r.nextInt(4) == 0) {
                    parts.add(name + "=" + pick(r, List.of("1", "true", f.storeA(), "20")));
                }
            }
            if (r.nextBoolean()) {
                parts.add(pick(
                        r,
                        List.of(
                                "q=%24where",
                                "q=%7B%22%24gt%22%3A%22%22%7D",
                                "store_id[$ne]=x",
                                "unknown=1",
                                "%zz=%zz",
                                "=",
                                "&",
                                "skip",
                                "q=" + "a".repeat(5_000),
                                "q=.*",
                                "q=%5C")));
            }
            String target = path + "?" + String.join("&", parts);
            var req = request("GET", target, token, null, null);
            maybeUnacceptable(r, req);
            return new FuzzCase("bad query", req, null);
        }));
    }

    private Generator unknownId(String method, String prefix, String token) {
        return new Generator(
                "unknown id",
                1,
                r -> new FuzzCase("unknown id", request(method, prefix + fresh(), token, null, null), 404));
    }

    private Generator storeNotTheCallers(String path) {
        return new Generator(
                "store not the caller's",
                1,
                r -> new FuzzCase("store not the caller's", request("GET", path, f.userStoreA(), null, null), 404));
    }

    @SafeVarargs
    private void spec(String key, List<Generator>... groups) {
        var all = new ArrayList<Generator>();
        for (var group : groups) {
            all.addAll(group);
        }
        specific.put(key, all);
    }

    // ---------------------------------------------------------------------------------------------------------
    // request helpers

    static String fresh() {
        return new ObjectId().toHexString();
    }

    private static String formValue(Random r) {
        Object value = Hostile.absurdScalar(r);
        String text = value instanceof String s ? s : Json.write(value);
        if (text.length() > 200_000) {
            text = text.substring(0, 200_000);
        }
        return r.nextInt(4) == 0
                ? text.replace("&", "").replace("=", "")
                : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String fill(String pattern, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), fresh())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static RawHttp.Request request(String method, String target, String token, String contentType, byte[] body) {
        var headers = new LinkedHashMap<String, String>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new RawHttp.Request(method, target, headers, body, false);
    }

    static RawHttp.Request json(String method, String target, String token, byte[] body) {
        return request(method, target, token, "application/json", body);
    }
}
