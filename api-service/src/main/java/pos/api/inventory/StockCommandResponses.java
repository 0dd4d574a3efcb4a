package pos.api.inventory;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The answers every stock command (adjust, count) shares, beside its own 200 and 400: springdoc reads
 * {@code @ApiResponse} through meta-annotations.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "202",
        description = "Published, decision still pending: the stock as known",
        content = @Content(schema = @Schema(implementation = InventoryItem.Pending.class)))
@ApiResponse(responseCode = "403", description = "Not a manager or admin")
@ApiResponse(
        responseCode = "404",
        description = "Product not found, or Store not found: not one of the " + "caller's stores")
@interface StockCommandResponses {}
