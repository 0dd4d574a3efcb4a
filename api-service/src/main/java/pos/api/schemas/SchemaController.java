package pos.api.schemas;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pos.api.web.ApiException;
import pos.schemas.SchemaCatalog;
import pos.schemas.Topics;

import java.util.List;

/** The JSON Schemas of every topic's values, for downstream integrators; public, like the topics table. */
@RestController
@RequestMapping("/schemas")
class SchemaController {

    record TopicSchema(String topic, String key, String valueType, boolean compacted, String schema) {
    }

    @GetMapping
    List<TopicSchema> list() {
        return Topics.all().stream()
                .map(t -> new TopicSchema(t.name(), t.key(), t.valueType(), t.compacted(),
                        "/schemas/" + SchemaCatalog.fileName(t.name())))
                .toList();
    }

    @GetMapping("/{fileName}")
    ResponseEntity<String> schema(@PathVariable String fileName) {
        var schema = SchemaCatalog.loadFile(fileName)
                .orElseThrow(() -> ApiException.notFound("No schema " + fileName));
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/schema+json")).body(schema);
    }
}
