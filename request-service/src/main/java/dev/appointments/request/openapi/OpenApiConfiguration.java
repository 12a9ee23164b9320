package dev.appointments.request.openapi;

import dev.appointments.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, description and bearer-token scheme of the OpenAPI document at
 * {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    static {
        // The caller comes from the token, not from the request's parameters: keep it out
        // of the API description.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI().info(new Info().title("Appointment scheduling: command API").version("v1").description("""
                Every producer command over HTTP: each is put on the queue a producer would use and handled \
                exactly like a producer's message. The requestId is the Idempotency-Key header (or the \
                body's requestId): the same key again has one effect. The answer is 202 with the outcome's \
                URL, or with `Prefer: wait=N` the outcome itself: 200/201, 409 for SLOT_UNAVAILABLE, \
                ILLEGAL_TRANSITION and CHANGED_CONCURRENTLY, 422 for any other refusal, as RFC 9457 problems \
                carrying the reason code. Outcomes and appointments are read from the query API. Also: a \
                patient's own record, and the providers' booking rules.""").license(new License().name("Proprietary")))
            .components(new Components().addSecuritySchemes(BEARER,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token of the configured issuer, with the roles claim")))
            .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

}
