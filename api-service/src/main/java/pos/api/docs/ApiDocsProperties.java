package pos.api.docs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ReDoc page loads its script from. The default is the pinned ReDoc release on a public CDN with its
 * Subresource Integrity hash, so a browser refuses a changed file; an installation whose browsers cannot reach the
 * CDN serves {@code redoc.standalone.js} itself and points {@code pos.docs.redoc-script-url} at it (with the
 * integrity of that copy, or blank for none).
 *
 * @param redocScriptUrl URL of {@code redoc.standalone.js}
 * @param redocScriptIntegrity its SRI hash ({@code sha384-...}); blank leaves the check out
 */
@ConfigurationProperties("pos.docs")
record ApiDocsProperties(
        @DefaultValue(REDOC_SCRIPT) String redocScriptUrl,
        @DefaultValue(REDOC_INTEGRITY) String redocScriptIntegrity) {

    static final String REDOC_SCRIPT = "https://cdn.jsdelivr.net/npm/redoc@2.5.0/bundles/redoc.standalone.js";
    /** sha384 of redoc 2.5.0's bundles/redoc.standalone.js as published on the npm registry. */
    static final String REDOC_INTEGRITY = "sha384-4vOjrBu7SuDWXcAw1qFznVLA/sKL+0l4nn+J1HY8w7cpa6twQEYuh4b0Cwuo7CyX";
}
