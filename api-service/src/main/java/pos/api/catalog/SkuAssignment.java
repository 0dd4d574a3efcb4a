package pos.api.catalog;

import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import pos.api.catalog.domain.SkuGenerator;
import pos.api.web.ApiException;

/**
 * Gives a product a generated SKU: writes with a candidate and, when the unique index refuses it, tries the next
 * one (longer codes after {@link SkuGenerator#SHORT_CODE_ATTEMPTS}). Every SKU it hands out went through the index,
 * unlike the original's unchecked time-stamp fallback.
 */
class SkuAssignment {

    static final String EXHAUSTED = "Could not generate a unique SKU, please retry";
    private static final Logger log = LoggerFactory.getLogger(SkuAssignment.class);

    private final SkuGenerator generator;

    SkuAssignment(SkuGenerator generator) {
        this.generator = generator;
    }

    /** The result of the first write whose SKU was free. */
    <T> T withGeneratedSku(String prefix, Function<String, T> write) {
        for (int attempt = 0; attempt < SkuGenerator.MAX_ATTEMPTS; attempt++) {
            String candidate = generator.generate(prefix, attempt);
            try {
                return write.apply(candidate);
            } catch (DuplicateKeyException e) {
                log.debug("Generated SKU {} is taken, attempt {}", candidate, attempt + 1);
            }
        }
        throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, EXHAUSTED);
    }
}
