package pos.api.schemas;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pos.api.web.ApiException;
import pos.schemas.SchemaCatalog;
import pos.schemas.Topics;

/** The JSON Schemas of every topic's values, for downstream integrators; public, like the topics table. */
@RestController
@RequestMapping("/schemas")
@Tag(name = "Documentation")
class SchemaController {

    record TopicSchema(String topic, String key, String valueType, boolean compacted, String schema) {}

    @Operation(summary = "Every topic with its key, value type and the URL of its JSON Schema")
    @GetMapping
    List<TopicSchema> list() {
        return Topics.all().stream()
                .map(t -> new TopicSchema(
                        t.name(),
                        t.key(),
                        t.valueType(),
                        t.compacted(),
                        "/schemas/" + SchemaCatalog.fileName(t.name())))
                .toList();
    }

    @Operation(summary = "The JSON Schema (draft 2020-12) of a topic's values")
    @ApiResponse(
            responseCode = "200",
            description = "The schema",
            content = @Content(mediaType = "application/schema+json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "404", description = "No schema of that name")
    @GetMapping("/{fileName}")
    ResponseEntity<String> schema(@PathVariable String fileName) {
        var schema = SchemaCatalog.loadFile(fileName).orElseThrow(() -> ApiException.notFound("No schema " + fileName));
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("application/schema+json"))
                .body(schema);
    }
}
