package pos.api.web;

import java.io.IOException;

/** Thrown while a body without a declared length is read past the limit; the advice answers 413. */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
