package dev.appointments.request.security;

import dev.appointments.security.ApiAccessRules;
import dev.appointments.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The request-service's path rules. Actuator (health open, the rest for ops) and the
 * 401/403/413/429 answers come from the api-security module; which patient a patient may
 * book for, and which appointments a patient or a provider may give commands about, is
 * checked by the intake itself.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    ApiAccessRules requestServiceAccess() {
        return rules -> rules
            // The API description is a public document.
            .path(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
            .permitAll()
            // Which command a role may give, and about which appointment, is checked by
            // the intake itself.
            .path(HttpMethod.POST, "/api/appointment-requests")
            .roles(Roles.PATIENT, Roles.PROVIDER, Roles.SCHEDULER)
            .path(HttpMethod.POST, "/api/appointments/*/reschedule", "/api/appointments/*/cancel")
            .roles(Roles.PATIENT, Roles.SCHEDULER)
            .path(HttpMethod.POST, "/api/appointments/*/confirm", "/api/appointments/*/decline",
                    "/api/appointments/*/complete", "/api/appointments/*/no-show")
            .roles(Roles.PROVIDER, Roles.SCHEDULER)
            .path("/api/patients/me")
            .roles(Roles.PATIENT)
            // A provider edits its own rules (checked by the controller); the rest of
            // provider admin is for admins.
            .path("/api/providers/*/rules")
            .roles(Roles.PROVIDER, Roles.ADMIN)
            .path("/api/providers/**")
            .roles(Roles.ADMIN);
    }

}
