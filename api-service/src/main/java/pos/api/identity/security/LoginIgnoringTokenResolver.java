package pos.api.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Tills keep their last token in a default header. Once it is revoked (role or stores changed, account
 * reactivated) it must not stop them from logging in for a new one, so on {@code /auth/login} the header is
 * ignored; everywhere else, {@code /auth/register} included (an admin's token there grants higher roles), a bad
 * token is a 401 as RFC 6750 says.
 *
 * <p>Reads the header as Spring Security's {@code DefaultBearerTokenResolver} does with its defaults (header only,
 * no query or form parameter), without its regular expression: matching the expression over a token of several
 * hundred characters was about 4 % of every authenticated request's CPU. {@code LoginIgnoringTokenResolverTest}
 * checks that both read every header alike.
 */
final class LoginIgnoringTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return isLogin(path) ? null : fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    private static boolean isLogin(String path) {
        return path.equals("/auth/login") || path.equals("/auth/login/");
    }

    /**
     * The token of a {@code Bearer} authorization (RFC 6750's b64token: at least one of {@code A-Z a-z 0-9 - . _ ~
     * + /}, then any number of {@code =}); null for no header or another scheme.
     *
     * @throws OAuth2AuthenticationException invalid_token when the header names the scheme but is malformed
     */
    static String fromAuthorization(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        if (!isBearerToken(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length());
    }

    private static boolean isBearerToken(String authorization) {
        int start = SCHEME.length();
        if (authorization.length() <= start || authorization.charAt(start - 1) != ' ') {
            return false;
        }
        int end = authorization.length();
        while (end > start && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!isTokenCharacter(authorization.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
