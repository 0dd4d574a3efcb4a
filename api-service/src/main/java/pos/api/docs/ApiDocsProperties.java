package pos.api.docs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the ReDoc page loads its script from. The default is the ReDoc release bundled with the API (the
 * {@code org.webjars.npm:redoc} jar, served under {@code /webjars/}), so the page works on a store network without
 * internet and loads nothing from a third party. An installation may point {@code pos.docs.redoc-script-url}
 * elsewhere, with that copy's Subresource Integrity hash so a browser refuses a changed file.
 *
 * @param redocScriptUrl URL of {@code redoc.standalone.js}
 * @param redocScriptIntegrity its SRI hash ({@code sha384-...}); blank leaves the check out (the default: the
 *                             script comes from the same server as the page)
 */
@ConfigurationProperties("pos.docs")
record ApiDocsProperties(
        @DefaultValue(REDOC_SCRIPT) String redocScriptUrl,
        @DefaultValue("") String redocScriptIntegrity) {

    /** The bundled release: keep in step with {@code redoc.version} in the parent pom (ApiDocumentationIT checks). */
    static final String REDOC_SCRIPT = "/webjars/redoc/2.1.4/bundles/redoc.standalone.js";
}
