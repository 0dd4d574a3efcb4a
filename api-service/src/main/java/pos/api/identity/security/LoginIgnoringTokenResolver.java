package pos.api.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Tills keep their last token in a default header. Once it is revoked (role or stores changed, account
 * reactivated) it must not stop them from logging in for a new one, so on {@code /auth/login} the header is
 * ignored; everywhere else, {@code /auth/register} included (an admin's token there grants higher roles), a bad
 * token is a 401 as RFC 6750 says.
 */
final class LoginIgnoringTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return isLogin(path) ? null : bearer.resolve(request);
    }

    private static boolean isLogin(String path) {
        return path.equals("/auth/login") || path.equals("/auth/login/");
    }
}
