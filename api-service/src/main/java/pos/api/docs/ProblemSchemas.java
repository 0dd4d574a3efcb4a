package pos.api.docs;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;

/**
 * Schemas written by hand, because what the API writes is not a plain bean: the RFC 9457 problem body (Spring's
 * {@code ProblemDetail} plus our extension members) and its validation entries.
 */
final class ProblemSchemas {

    static final String FIELD_ERROR = "FieldError";

    private ProblemSchemas() {}

    /** A schema of one JSON type, valid in OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) documents alike. */
    static Schema<Object> ofType(String type) {
        var schema = new Schema<Object>();
        schema.type(type);
        schema.types(Set.of(type));
        return schema;
    }

    static Schema<Object> ref(String componentName) {
        return new Schema<Object>().$ref("#/components/schemas/" + componentName);
    }

    static Schema<Object> problemDetail() {
        var schema = ofType("object")
                .description("RFC 9457 problem details. `detail` carries the original service's message where one "
                        + "existed. Extension members appear where they apply: `errors` (validation), `shortages` "
                        + "(insufficient stock, with `order_id`), `prices` (changed catalog prices), `available` "
                        + "(stock adjustment refused), `allowed_next` (status change refused).")
                .addProperty(
                        "type",
                        ofType("string")
                                .format("uri")
                                .example("about:blank")
                                .description("Problem type; `about:blank` unless stated otherwise"))
                .addProperty(
                        "title", ofType("string").example("Bad Request").description("The HTTP status' reason phrase"))
                .addProperty("status", ofType("integer").format("int32").example(400))
                .addProperty(
                        "detail",
                        ofType("string").example("Validation failed").description("What went wrong, for people"))
                .addProperty(
                        "instance", ofType("string").format("uri-reference").description("The request path"))
                .addProperty(
                        "errors",
                        ofType("array")
                                .items(ref(FIELD_ERROR))
                                .description("One entry per refused field (validation failures)"))
                .addProperty(
                        "shortages",
                        ofType("array")
                                .items(shortage())
                                .description("Every order line that lacks stock (insufficient stock)"))
                .addProperty(
                        "order_id", ofType("string").description("The order that was rejected (insufficient stock)"))
                .addProperty(
                        "prices",
                        ofType("array")
                                .items(ofType("object")
                                        .addProperty("product_id", ofType("string"))
                                        .addProperty("price", DecimalSchemas.decimalString()))
                                .description("Current catalog price of every line, when a line's price differs"))
                .addProperty(
                        "available",
                        DecimalSchemas.decimalString().description("Stock available now (stock adjustment refused)"))
                .addProperty(
                        "current_status",
                        ofType("string").description("The order's status when a status change was refused"))
                .addProperty(
                        "allowed_next",
                        ofType("array")
                                .items(ofType("string"))
                                .description("Statuses the order may move to next (refused status change)"));
        schema.required(List.of("type", "title", "status"));
        schema.additionalProperties(true);
        return schema;
    }

    static Schema<Object> fieldError() {
        var schema = ofType("object")
                .description("A refused field: its wire name (snake_case, with the index for list items) and why")
                .addProperty("field", ofType("string").example("items[0].qty"))
                .addProperty("message", ofType("string").example("Format angka tidak didukung (16:2)"));
        schema.required(List.of("field", "message"));
        return schema;
    }

    private static Schema<Object> shortage() {
        return ofType("object")
                .addProperty("product_id", ofType("string"))
                .addProperty("requested", DecimalSchemas.decimalString())
                .addProperty("available", DecimalSchemas.decimalString());
    }
}
