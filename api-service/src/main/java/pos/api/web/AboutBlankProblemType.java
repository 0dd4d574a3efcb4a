package pos.api.web;

import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Spring 7 leaves a ProblemDetail's {@code type} unset and omits it; clients of this API are promised every RFC
 * 9457 member, so problems without a type say {@code about:blank} explicitly. Covers problems from Spring MVC's
 * own exceptions, the application's advice and controller-local handlers alike.
 */
@ControllerAdvice
class AboutBlankProblemType implements ResponseBodyAdvice<Object> {

    private static final URI ABOUT_BLANK = URI.create(ProblemJson.ABOUT_BLANK);

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        return body;
    }
}
