package pos.api.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Tills keep their last token in a default header. Once it is revoked (role or stores changed, account
 * reactivated) it must not stop them from registering or logging in for a new one, so on {@code /auth/**} the
 * header is ignored; everywhere else a bad token is a 401 as RFC 6750 says.
 */
final class CredentialExchangeIgnoringTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/auth/") ? null : bearer.resolve(request);
    }
}
