package dev.appointments.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and description of the OpenAPI document at {@code /v3/api-docs} (Swagger UI
 * at {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI().info(new Info().title("Appointment scheduling: query API")
            .version("v1")
            .description("""
                    Reads of the appointment system: appointments, the outcome of each command, patients, \
                    providers, free slots, and a FHIR R4 view of appointments. Every read is a DynamoDB key \
                    lookup or index query. Lists are sorted by start time and paginated with an opaque `cursor`. \
                    Errors are RFC 9457 problems (`application/problem+json`); FHIR errors are OperationOutcomes.""")
            .license(new License().name("Proprietary")));
    }

}
