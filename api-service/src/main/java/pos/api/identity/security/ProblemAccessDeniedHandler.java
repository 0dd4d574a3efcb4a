package pos.api.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import pos.api.web.ProblemJson;

/** 403 as problem+json, with {@code WWW-Authenticate: Bearer error="insufficient_scope"} (RFC 6750). */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearer.handle(request, response, e);
        ProblemJson.write(
                response,
                HttpStatus.FORBIDDEN.value(),
                "Your role does not allow this operation",
                request.getRequestURI());
    }
}
