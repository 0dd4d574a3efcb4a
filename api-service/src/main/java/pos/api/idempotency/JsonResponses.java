package pos.api.idempotency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import pos.api.web.ApiException;
import pos.api.web.ProblemJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders responses to text first, so the exact bytes can be stored with an Idempotency-Key and replayed later,
 * and turns a stored response back into a {@link ResponseEntity}.
 */
@Component
public class JsonResponses {

    private final JsonMapper mapper;

    public JsonResponses(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public StoredResponse json(int status, Object body, String location) {
        return new StoredResponse(status, MediaType.APPLICATION_JSON_VALUE, mapper.writeValueAsString(body), location);
    }

    /** The refusal's RFC 9457 body, as {@link ProblemJson} writes every problem. */
    public StoredResponse problem(ApiException e) {
        return new StoredResponse(
                e.status().value(),
                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                ProblemJson.body(mapper, e.status(), e.getMessage(), e.properties()),
                null);
    }

    public ResponseEntity<String> toEntity(IdempotentRequests.Result result) {
        var response = result.response();
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(response.contentType()));
        if (response.location() != null) {
            headers.set(HttpHeaders.LOCATION, response.location());
        }
        if (result.replayed()) {
            headers.set(IdempotentRequests.REPLAYED_HEADER, "true");
        }
        return ResponseEntity.status(response.status()).headers(headers).body(response.body());
    }
}
