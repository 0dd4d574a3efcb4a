package pos.api.fuzz;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * One (method, path pattern, consumed media types) the application maps, as its RequestMappingHandlerMapping
 * reports it, with what the handler reads from the request.
 */
record Endpoint(
        String method,
        String pattern,
        Set<String> consumes,
        String handler,
        boolean readsBody,
        boolean readsPathVariables,
        boolean readsQuery,
        boolean readsHeaders) {

    /** Null method: the mapping takes every method (as /error does). */
    String key() {
        boolean form = consumes.stream().anyMatch(c -> c.contains("form"));
        return (method == null ? "ANY" : method) + " " + pattern + (form ? " (form)" : "");
    }

    boolean readsInput() {
        return readsBody || readsPathVariables || readsQuery || readsHeaders;
    }

    static List<Endpoint> from(Map<RequestMappingInfo, HandlerMethod> mappings) {
        var endpoints = new ArrayList<Endpoint>();
        mappings.forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Arrays.asList((String) null)
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .toList();
            Set<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(MediaType::toString)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    endpoints.add(new Endpoint(
                            method,
                            pattern,
                            consumes,
                            handler.getBeanType().getSimpleName() + "#"
                                    + handler.getMethod().getName(),
                            has(handler, RequestBody.class),
                            has(handler, PathVariable.class),
                            has(handler, RequestParam.class),
                            has(handler, RequestHeader.class)));
                }
            }
        });
        endpoints.sort(Comparator.comparing(Endpoint::key));
        return endpoints;
    }

    private static boolean has(HandlerMethod handler, Class<? extends Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }
}
