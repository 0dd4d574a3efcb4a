package pos.api.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import pos.api.web.ProblemJson;

/**
 * 401 as problem+json, with the RFC 6750 {@code WWW-Authenticate: Bearer ...} header Spring Security computes
 * (including {@code error="invalid_token"} when a token was sent). Details are the original's messages.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e);
        String detail = e instanceof OAuth2AuthenticationException ? "Invalid token" : "Not authenticated";
        ProblemJson.write(response, HttpStatus.UNAUTHORIZED.value(), detail, request.getRequestURI());
    }
}
