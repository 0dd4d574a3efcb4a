package pos.api.idempotency;

/**
 * A response as it was first sent, so a replay answers exactly the same status and body.
 *
 * @param location the Location header, if the response had one
 */
public record StoredResponse(int status, String contentType, String body, String location) {

    /** 2xx except 202 and every 4xx are final; a 202 (decision still pending) and 5xx let a retry try again. */
    public boolean isFinal() {
        return (status >= 200 && status < 300 && status != 202) || (status >= 400 && status < 500);
    }
}
