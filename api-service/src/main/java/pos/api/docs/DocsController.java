package pos.api.docs;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import pos.schemas.SchemaCatalog;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documentation pages springdoc does not provide: ReDoc over {@code /openapi.json} (the original FastAPI
 * service had {@code /redoc} beside {@code /docs}), and the AsyncAPI document of the Kafka topics from
 * common-schemas, as YAML and as JSON.
 */
@RestController
@Tag(name = "Documentation")
class DocsController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final String redocPage;
    private final String asyncApiYaml;
    private final String asyncApiJson;

    DocsController(ApiDocsProperties properties, SpringDocConfigProperties springDoc, JsonMapper json) {
        this.redocPage = redocPage(properties, springDoc.getApiDocs().getPath());
        this.asyncApiYaml = SchemaCatalog.asyncApi();
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(asyncApiYaml);
        this.asyncApiJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    /** A page for people, like Swagger UI at /docs; not an operation of the API. */
    @Hidden
    @GetMapping(value = "/redoc", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> redoc() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(redocPage);
    }

    @Operation(
            summary = "AsyncAPI 3.0 document of the Kafka topics (YAML)",
            description = "Every topic and dead-letter topic: key, value schema (the JSON Schemas under /schemas), "
                    + "cleanup policy, producers and consumers.")
    @ApiResponse(
            responseCode = "200",
            description = "The document",
            content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
    @GetMapping(value = "/asyncapi.yaml", produces = "application/yaml")
    ResponseEntity<String> asyncApiYaml() {
        return ResponseEntity.ok()
                .contentType(YAML)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(asyncApiYaml);
    }

    @Operation(
            summary = "AsyncAPI 3.0 document of the Kafka topics (JSON)",
            description = "The same document as /asyncapi.yaml, as JSON.")
    @ApiResponse(
            responseCode = "200",
            description = "The document",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "An AsyncAPI 3.0 document")))
    @GetMapping(value = "/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> asyncApiJson() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(asyncApiJson);
    }

    private static String redocPage(ApiDocsProperties properties, String specUrl) {
        String integrity = properties.redocScriptIntegrity() == null
                        || properties.redocScriptIntegrity().isBlank()
                ? ""
                : " integrity=\"" + HtmlUtils.htmlEscape(properties.redocScriptIntegrity()) + "\"";
        return template()
                .replace("${specUrl}", HtmlUtils.htmlEscape(specUrl))
                .replace("${scriptUrl}", HtmlUtils.htmlEscape(properties.redocScriptUrl()))
                .replace("${integrity}", integrity);
    }

    private static String template() {
        try (InputStream in = DocsController.class.getResourceAsStream("redoc.html")) {
            if (in == null) {
                throw new IllegalStateException("redoc.html missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
