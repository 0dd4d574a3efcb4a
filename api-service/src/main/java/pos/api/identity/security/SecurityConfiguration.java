package pos.api.identity.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import pos.api.identity.AccessPolicy;
import pos.api.identity.IdentityProperties;
import pos.api.identity.Role;
import pos.api.identity.display.DisplayTokenDecoder;
import pos.api.identity.display.DisplayTokens;
import pos.api.identity.token.LocalTokenVerifier;
import pos.api.identity.token.UserStatusCache;

/**
 * The one security filter chain: a stateless bearer-token API (hence no sessions and no CSRF), with the role matrix
 * of {@link AccessPolicy}. Our own tokens are verified with our key; if Spring Boot built a decoder for an external
 * issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}), every other token
 * goes to it. Needs only one of the two verifiers, so web slice tests can import it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class SecurityConfiguration {

    /**
     * Every token the API accepts, verified the way each request's is: also what an open order stream asks every
     * second or so, to end when its token is revoked or its user deactivated. Not a JwtDecoder bean, so Spring
     * Boot still builds the external issuer's decoder when one is configured.
     */
    @Bean
    DecodingTokenRecheck tokenRecheck(
            IdentityProperties props,
            ObjectProvider<LocalTokenVerifier> localTokens,
            ObjectProvider<JwtDecoder> externalDecoder,
            ObjectProvider<DisplayTokens> displays,
            ObjectProvider<UserStatusCache> users) {
        LocalTokenVerifier local = localTokens.getIfAvailable();
        JwtDecoder decoder = new IssuerRoutingJwtDecoder(
                props.issuer(), local == null ? null : local.decoder(), externalDecoder.getIfAvailable());
        var displayTokens = displays.getIfAvailable();
        var userStatuses = users.getIfAvailable();
        if (displayTokens != null && userStatuses != null) {
            decoder = new DisplayTokenDecoder(decoder, displayTokens, userStatuses, props.issuer());
        }
        return new DecodingTokenRecheck(decoder);
    }

    /**
     * No observation of Spring Security's filters, authentications and authorizations: a dozen per request that
     * tell nothing the HTTP server's own observation does not (its metrics and the trace id in the logs stay), and
     * whose wrappers cost more CPU than a cheap endpoint behind them. Switching them off by name
     * ({@code management.observations.enable.spring.security}) left every filter wrapped; this removes the wrappers.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * @param managementPort {@code management.server.port} when the actuator has a port of its own: there, and only
     *                       there, Prometheus scrapes {@code /actuator/prometheus} without a token (deployments
     *                       keep that port unpublished); on the API's port metrics need an admin's token
     */
    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            IdentityProperties props,
            DecodingTokenRecheck tokens,
            @Value("${management.server.port:-1}") int managementPort) {
        var decoder = tokens.decoder();
        var converter = new PosJwtAuthenticationConverter(props.issuer(), new RolesClaim(props.rolesClaim()));
        var entryPoint = new ProblemAuthenticationEntryPoint();
        var accessDenied = new ProblemAccessDeniedHandler();

        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(request -> managementPort > 0
                                    && request.getLocalPort() == managementPort
                                    && "/actuator/prometheus".equals(request.getRequestURI()))
                            .permitAll();
                    AccessPolicy.RULES.forEach(rule -> apply(requests, rule));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.bearerTokenResolver(new LoginIgnoringTokenResolver())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
        return http.build();
    }

    private static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            AccessPolicy.Rule rule) {
        var matched = rule.method() == null
                ? requests.requestMatchers(rule.pattern())
                : requests.requestMatchers(rule.method(), rule.pattern());
        switch (rule.access()) {
            case PUBLIC -> matched.permitAll();
            case ANY_ROLE -> matched.hasAnyRole(names(Role.values()));
            case STAFF_OR_DISPLAY ->
                matched.hasAnyRole(java.util.stream.Stream.concat(
                                java.util.Arrays.stream(names(Role.values())),
                                java.util.stream.Stream.of(PosJwtAuthenticationConverter.DISPLAY_ROLE))
                        .toArray(String[]::new));
            case MANAGER_OR_ADMIN -> matched.hasAnyRole(names(Role.MANAGER, Role.ADMIN));
            case ADMIN -> matched.hasRole(Role.ADMIN.name());
            case AUTHENTICATED -> matched.authenticated();
        }
    }

    private static String[] names(Role... roles) {
        return java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
