package pos.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet error page. Requests refused before Spring MVC handles them (Spring Security's firewall: encoded
 * slashes, {@code ..}, unknown methods; servlet-level errors) are forwarded here by Tomcat; Boot's default answered
 * them with its own JSON, or an empty body when the client's Accept excluded JSON, and a direct {@code /error}
 * request with a 500. Here every answer is problem+json whatever the Accept header says, and a request that is
 * not an error dispatch is simply not found. The detail names the status only: the original exception message
 * (for example the firewall's, which quotes the request) is not echoed.
 */
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        // a filter that reads MongoDB (the token's account check) failed before Spring MVC: the advice's 503
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && ProblemDetailsAdvice.isDatabaseUnreachable(failure)) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(ApiException.retryAfterSeconds(ProblemDetailsAdvice.DATABASE_RETRY_AFTER)));
            ProblemJson.write(response, 503, ProblemDetailsAdvice.DATABASE_UNREACHABLE, path);
            return;
        }
        ProblemJson.write(response, status, detail(status), path);
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "Malformed request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            default -> status >= 500 ? "Internal server error" : ProblemJson.title(status);
        };
    }
}
