package pos.api.kitchen;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pos.api.web.PathIds;

/**
 * The kitchen display page of a store. It holds no data (the page asks for a sign-in or a pairing to read
 * anything), so anyone may load it; its script and style come from this server only ({@code /kitchen/*}), and
 * its Content-Security-Policy allows nothing else: no inline script, no other origin, no framing.
 */
@RestController
@Hidden
class KitchenPageController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final String page;

    KitchenPageController() {
        try (var in = new ClassPathResource("pos/api/kitchen/kitchen.html").getInputStream()) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/stores/{storeId}/kitchen", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String storeId) {
        PathIds.objectId(storeId, "store_id");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(page);
    }
}
