package pos.api.identity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Accounts and tokens ({@code pos.security.*}).
 *
 * @param issuer                the {@code iss} of the tokens this service signs, and the one it accepts for them
 * @param audience              the {@code aud} it puts in and requires
 * @param tokenTtl              access token lifetime
 * @param rolesClaim            dotted path of the roles claim in tokens from an external issuer
 *                              ({@code realm_access.roles} for Keycloak); our own tokens always use {@code roles}
 * @param userStatusCacheTtl    how long "this user is active with these roles" is cached per instance
 * @param passwordHashStrength  bcrypt log rounds
 * @param firstAccountAdmin     the first account registered on an empty system becomes admin; for the local
 *                              stack only, deployments configure a bootstrap admin instead
 */
@ConfigurationProperties("pos.security")
public record IdentityProperties(
        @DefaultValue("pos-api") String issuer,
        @DefaultValue("pos-api") String audience,
        @DefaultValue("60m") Duration tokenTtl,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("5s") Duration userStatusCacheTtl,
        @DefaultValue("10") int passwordHashStrength,
        @DefaultValue("false") boolean firstAccountAdmin,
        @DefaultValue Jwt jwt,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue ClientLimits clientLimits) {

    /**
     * @param privateKeyLocation a PKCS#8 PEM RSA private key; when absent a key is generated into keyStoreDir
     * @param keyStoreDir        where a generated key is kept so restarts do not log everyone out
     */
    public record Jwt(
            Resource privateKeyLocation,
            @DefaultValue("./data/keys") Path keyStoreDir) {}

    /** An admin created at start-up when absent; configuring one turns off "first account becomes admin". */
    public record BootstrapAdmin(
            String username,
            String password,
            String email,
            @DefaultValue("Administrator") String name) {

        public boolean configured() {
            return username != null && !username.isBlank();
        }

        @Override
        public String toString() {
            return "BootstrapAdmin[username=" + username + ", email=" + email + ", password=<redacted>]";
        }
    }

    /** See {@link pos.api.identity.domain.ThrottlePolicy}. */
    public record LoginThrottle(
            @DefaultValue("5") int failuresBeforeDelay,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("15m") Duration maxDelay,
            @DefaultValue("1h") Duration forgetAfter) {}

    /**
     * Token buckets per client address (see {@link pos.api.identity.domain.RateLimiter}): logins (120 at once,
     * one more a second: a fleet of tills behind one address logs in at once) and registrations without an
     * admin's token (10 at once, one more every 30 s).
     */
    public record ClientLimits(
            @DefaultValue("120") int loginCapacity,
            @DefaultValue("1s") Duration loginRefillEvery,
            @DefaultValue("10") int registrationCapacity,
            @DefaultValue("30s") Duration registrationRefillEvery) {}
}
