package pos.api.web;

import org.springframework.http.HttpHeaders;

/**
 * skip/limit paging as the original service had it, with limit 1..100. Lists answer a plain JSON array plus an
 * {@code X-Total-Count} header.
 */
public record Paging(int skip, int limit) {

    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final int MAX_LIMIT = 100;

    public static Paging of(Integer skip, Integer limit, int defaultLimit) {
        int s = skip == null ? 0 : skip;
        int l = limit == null ? defaultLimit : limit;
        if (s < 0) {
            throw ApiException.badRequest("skip must be 0 or more")
                    .with("errors", java.util.List.of(new FieldError("skip", "must be greater than or equal to 0")));
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT)
                    .with("errors", java.util.List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return new Paging(s, l);
    }

    public static HttpHeaders totalCount(long total) {
        var headers = new HttpHeaders();
        headers.set(TOTAL_COUNT, Long.toString(total));
        return headers;
    }
}
