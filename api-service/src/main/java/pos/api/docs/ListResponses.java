package pos.api.docs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import pos.api.web.Paging;

/**
 * Lists answer a plain array with the total in {@code X-Total-Count} ({@link Paging#totalCount}); in code that is a
 * handler returning {@code ResponseEntity<List<...>>}, which is how every list endpoint sets the header. The
 * documentation test checks the other direction: every operation with a {@code limit} documents the header.
 */
final class ListResponses implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        var returned = ResolvableType.forMethodReturnType(handlerMethod.getMethod());
        boolean list = ResponseEntity.class.isAssignableFrom(returned.toClass())
                && List.class.isAssignableFrom(returned.getGeneric(0).toClass());
        if (list && operation.getResponses() != null && operation.getResponses().get("200") != null) {
            operation
                    .getResponses()
                    .get("200")
                    .addHeaderObject(
                            Paging.TOTAL_COUNT,
                            new Header()
                                    .description("How many items match in total, whatever skip and limit")
                                    .schema(ProblemSchemas.ofType("integer")
                                            .format("int64")
                                            .minimum(java.math.BigDecimal.ZERO)));
        }
        return operation;
    }
}
