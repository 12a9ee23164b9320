package dev.appointments.query.security;

import dev.appointments.security.ApiAccessRules;
import dev.appointments.security.Caller;
import dev.appointments.security.Roles;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The query-service's path rules; which appointment, outcome or patient a caller may see
 * is decided by the controllers with {@link Caller}, which answer a refused object
 * exactly like a missing one (404).
 * <p>
 * Providers' booking rules and free slots carry no personal data and a patient needs them
 * to book, so any valid token reads them. Actuator (health open, the rest for ops) comes
 * from the api-security module.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final String BEARER = "bearer";

    static {
        // The caller comes from the token, not from the request's parameters: keep it out
        // of the API description.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    ApiAccessRules queryServiceAccess() {
        return rules -> rules
            // The API description and the patient page's static files are public
            // documents.
            .path(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
            .permitAll()
            .path(HttpMethod.GET, "/", "/index.html", "/provider", "/provider.html", "/favicon.ico", "/*.js", "/*.css",
                    "/assets/**")
            .permitAll()
            .path("/api/ops/**", "/ops/**")
            .roles(Roles.OPS)
            .path("/api/appointments", "/api/appointments/**", "/fhir/**")
            .roles(Roles.PATIENT, Roles.PROVIDER, Roles.SCHEDULER, Roles.OPS)
            .path("/api/appointment-requests/**", "/api/patients", "/api/patients/**")
            .roles(Roles.PATIENT, Roles.SCHEDULER, Roles.OPS)
            .path("/api/providers/**")
            .authenticated();
    }

    /**
     * Tells readers of the API description (and Swagger UI's Authorize button) to send a
     * bearer token.
     */
    @Bean
    OpenApiCustomizer bearerTokens() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                .addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An access token of the configured issuer, with the roles claim"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }

}
