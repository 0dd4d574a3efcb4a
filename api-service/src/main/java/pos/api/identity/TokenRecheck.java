package pos.api.identity;

/**
 * Verifies a token as the security filter does on every request (signature or display pairing, expiry, the
 * account behind it through the few-second caches), for what outlives a request: an open order stream asks
 * again every second and ends when the answer turns to no.
 */
public interface TokenRecheck {

    /** Whether the token is still accepted; never throws. */
    boolean stillValid(String token);
}
