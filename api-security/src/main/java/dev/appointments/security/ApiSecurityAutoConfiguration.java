package dev.appointments.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a service's HTTP API an OAuth2 resource server for the product's roles: JWT
 * bearer tokens from the issuer named by
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, actuator health open and
 * the rest of actuator for ops, the service's {@link ApiAccessRules}, every other request
 * authenticated; 401/403/413/429 as problem JSON; CORS for configured origins only;
 * strict security headers.
 * <p>
 * It comes before Spring Boot's security auto-configurations so that theirs back off, and
 * before the authorization server's, which would otherwise contribute a decoder for its
 * own keys wherever the local authorization server is on the classpath (the local run,
 * tests).
 */
@AutoConfiguration(
        before = { SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
                UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
                OAuth2ResourceServerAutoConfiguration.class },
        beforeName = {
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ BearerTokenAuthenticationFilter.class, JwtDecoder.class })
@ConditionalOnProperty(name = "appointments.security.enabled", havingValue = "true", matchIfMissing = true)
@EnableWebSecurity
@EnableConfigurationProperties({ ApiSecurityProperties.class, OAuth2ResourceServerProperties.class })
public final class ApiSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer) {
        return IssuerJwtDecoders.from(resourceServer.getJwt());
    }

    @Bean
    @ConditionalOnMissingBean
    CallerContext callerContext(ApiSecurityProperties properties) {
        return new CallerContext(properties.claims());
    }

    @Bean
    WebMvcConfigurer callerArgument(CallerContext callers) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(callers));
            }
        };
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiSecurityProperties properties,
            JwtDecoder jwtDecoder, ObjectProvider<ApiAccessRules> serviceRules,
            OAuth2ResourceServerProperties resourceServer) {
        List<AccessRules.Rule> rules = accessRules(properties, serviceRules);
        ProblemAnswers problems = new ProblemAnswers();
        ClientRateLimitFilter rateLimit = ApiFilters.rateLimit(properties.rateLimit());

        // Bearer tokens only: no session, no cookie, hence nothing for CSRF to protect.
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .cors(cors -> cors.configurationSource(ApiFilters.cors(properties.cors())))
            .headers(headers -> ApiFilters.securityHeaders(headers, properties.headers(),
                    resourceServer.getJwt().getIssuerUri()))
            .authorizeHttpRequests(requests -> {
                // Forwards and error pages render what an already authorized request led
                // to.
                requests.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
                requests.requestMatchers(EndpointRequest.to("health")).permitAll();
                requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Roles.OPS);
                requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/error")).permitAll();
                for (AccessRules.Rule rule : rules) {
                    requests.requestMatchers(rule.matchers().toArray(RequestMatcher[]::new)).access(rule.access());
                }
                requests.anyRequest().authenticated();
            })
            .oauth2ResourceServer(resourceServerConfig -> resourceServerConfig
                .jwt(jwt -> jwt.decoder(jwtDecoder)
                    .jwtAuthenticationConverter(new RolesClaimAuthentication(properties.claims().roles())))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
            .exceptionHandling(
                    exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .addFilterAfter(rateLimit, AuthorizationFilter.class)
            .addFilterAfter(new RequestBodyLimitFilter(properties.maxRequestBody()), ClientRateLimitFilter.class);
        return http.build();
    }

    private static List<AccessRules.Rule> accessRules(ApiSecurityProperties properties,
            ObjectProvider<ApiAccessRules> serviceRules) {
        AccessRules rules = new AccessRules();
        ApiFilters.declare(rules, properties.access());
        serviceRules.orderedStream().forEach(declaration -> declaration.declare(rules));
        return rules.rules();
    }

}
