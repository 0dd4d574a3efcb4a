package pos.api.identity.account;

import pos.api.identity.domain.RateLimiter;

/** Requests per client address on the endpoints that cost a password hash: logins and registrations. */
public class ClientLimits {

    private final RateLimiter logins;
    private final RateLimiter registrations;

    public ClientLimits(RateLimiter logins, RateLimiter registrations) {
        this.logins = logins;
        this.registrations = registrations;
    }

    public void login(String client) {
        logins.tryAcquire(client).ifPresent(wait -> {
            throw new TooManyRequestsException("Too many login attempts from this address; try again later", wait);
        });
    }

    public void registration(String client) {
        registrations.tryAcquire(client).ifPresent(wait -> {
            throw new TooManyRequestsException("Too many registrations from this address; try again later", wait);
        });
    }
}
