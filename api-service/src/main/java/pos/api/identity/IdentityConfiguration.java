package pos.api.identity;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import pos.api.identity.account.AccountsBootstrap;
import pos.api.identity.account.ClientLimits;
import pos.api.identity.account.Logins;
import pos.api.identity.account.MongoUserAccounts;
import pos.api.identity.account.Registrations;
import pos.api.identity.account.UserAdministration;
import pos.api.identity.display.DisplayProperties;
import pos.api.identity.display.DisplayTokens;
import pos.api.identity.domain.LoginThrottle;
import pos.api.identity.domain.RateLimiter;
import pos.api.identity.domain.ThrottlePolicy;
import pos.api.identity.token.AccessTokens;
import pos.api.identity.token.CurrentAccountValidator;
import pos.api.identity.token.LocalTokenVerifier;
import pos.api.identity.token.SigningKey;
import pos.api.identity.token.SigningKeySource;
import pos.api.identity.token.UserStatusCache;

/** Accounts, passwords, the signing key, token issuing and verification. Security rules: SecurityConfiguration. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(IdentityProperties props) {
        return new BCryptPasswordEncoder(props.passwordHashStrength());
    }

    @Bean
    MongoUserAccounts userAccounts(MongoTemplate mongo) {
        return new MongoUserAccounts(mongo);
    }

    @Bean
    AccountsBootstrap accountsBootstrap(
            MongoUserAccounts accounts,
            PasswordEncoder passwords,
            IdentityProperties props,
            ObjectProvider<Clock> clock) {
        return new AccountsBootstrap(accounts, passwords, props.bootstrapAdmin(), clock(clock));
    }

    @Bean
    SigningKey signingKey(IdentityProperties props) {
        return SigningKeySource.load(
                props.jwt().privateKeyLocation(), props.jwt().keyStoreDir());
    }

    @Bean
    AccessTokens accessTokens(SigningKey key, IdentityProperties props, ObjectProvider<Clock> clock) {
        return new AccessTokens(key, props.issuer(), props.audience(), props.tokenTtl(), clock(clock));
    }

    @Bean
    UserStatusCache userStatusCache(MongoUserAccounts accounts, IdentityProperties props, ObjectProvider<Clock> clock) {
        return new UserStatusCache(accounts, props.userStatusCacheTtl(), clock(clock));
    }

    @Bean
    LocalTokenVerifier localTokenVerifier(SigningKey key, IdentityProperties props, UserStatusCache statuses) {
        return new LocalTokenVerifier(
                key, props.issuer(), props.audience(), new CurrentAccountValidator(statuses), Clock.systemUTC());
    }

    @Bean
    DisplayTokens displayTokens(MongoTemplate mongo, DisplayProperties props, ObjectProvider<Clock> clock) {
        return new DisplayTokens(mongo, props.cacheTtl(), clock(clock));
    }

    @Bean
    LoginThrottle loginThrottle(IdentityProperties props, ObjectProvider<Clock> clock) {
        var throttle = props.loginThrottle();
        return new LoginThrottle(
                new ThrottlePolicy(
                        throttle.failuresBeforeDelay(),
                        throttle.firstDelay(),
                        throttle.maxDelay(),
                        throttle.forgetAfter()),
                clock(clock));
    }

    @Bean
    ClientLimits clientLimits(IdentityProperties props, ObjectProvider<Clock> clock) {
        var limits = props.clientLimits();
        return new ClientLimits(
                new RateLimiter(limits.loginCapacity(), limits.loginRefillEvery(), clock(clock)),
                new RateLimiter(limits.registrationCapacity(), limits.registrationRefillEvery(), clock(clock)));
    }

    @Bean
    Registrations registrations(
            MongoUserAccounts accounts,
            PasswordEncoder passwords,
            IdentityProperties props,
            ObjectProvider<Clock> clock) {
        return new Registrations(accounts, passwords, clock(clock), props.firstAccountAdmin());
    }

    @Bean
    Logins logins(MongoUserAccounts accounts, PasswordEncoder passwords, LoginThrottle throttle, AccessTokens tokens) {
        return new Logins(accounts, passwords, throttle, tokens);
    }

    @Bean
    UserAdministration userAdministration(
            MongoUserAccounts accounts, UserStatusCache statuses, ObjectProvider<Clock> clock) {
        return new UserAdministration(accounts, statuses, clock(clock));
    }

    /** Uses the application's Clock bean when another feature defines one, so tests can move time for all. */
    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }
}
