package dev.appointments.security;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A tiny service wired the way the real ones are: the api-security dependency, an issuer
 * property and an {@link ApiAccessRules} bean; its controller does object-level checks
 * with {@link Caller}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecurityTestApplication.TestController.class)
class SecurityTestApplication {

    @Bean
    ApiAccessRules testServiceAccess() {
        return rules -> rules.path(HttpMethod.POST, "/api/appointment-requests")
            .roles(Roles.PATIENT, Roles.SCHEDULER)
            .path("/api/appointments/**")
            .roles(Roles.PATIENT, Roles.PROVIDER, Roles.SCHEDULER, Roles.OPS)
            .path("/api/providers/**")
            .roles(Roles.ADMIN)
            .path("/api/ops/**")
            .roles(Roles.OPS);
    }

    record Appointment(String appointmentId, String patientId, String providerId) {
    }

    @RestController
    static class TestController {

        private final Map<String, Appointment> appointments = Map.of("a-1", new Appointment("a-1", "p-1", "dr-grey"));

        @GetMapping("/api/appointments/{id}")
        Appointment appointment(@PathVariable String id, Caller caller) {
            Appointment appointment = appointments.get(id);
            if (appointment == null || !caller.canSeeAppointment(appointment.patientId(), appointment.providerId())) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such appointment");
            }
            return appointment;
        }

        @PostMapping("/api/appointment-requests")
        ResponseEntity<String> intake(@RequestBody String body) {
            return ResponseEntity.accepted().body("accepted");
        }

        @PostMapping("/api/echo")
        String echo(@RequestBody String body) {
            return Integer.toString(body.length());
        }

        @GetMapping("/api/providers")
        String providers() {
            return "[]";
        }

        @GetMapping("/api/ops/queues")
        String queues() {
            return "[]";
        }

        @GetMapping("/api/whoami")
        Map<String, Object> whoami(Caller caller) {
            return Map.of("subject", caller.subject(), "roles", caller.roles(), "patientId",
                    caller.patientId().orElse(""), "providerIds", caller.providerIds());
        }

        @GetMapping("/public/hello")
        String hello() {
            return "hello";
        }

    }

}
