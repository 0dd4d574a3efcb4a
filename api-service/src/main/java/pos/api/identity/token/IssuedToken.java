package pos.api.identity.token;

/** A signed access token and its lifetime in seconds. */
public record IssuedToken(String value, long expiresInSeconds) {

    @Override
    public String toString() {
        return "IssuedToken[expiresIn=" + expiresInSeconds + "s]";
    }
}
