package dev.appointments.query.patient;

import dev.appointments.query.web.BadParameter;
import dev.appointments.query.web.NotFound;
import dev.appointments.security.Caller;
import dev.appointments.store.patient.Patients;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/patients/{id}} and {@code GET /api/patients?email=}: both key lookups
 * (the e-mail one through the table of e-mail claims). Schedulers and ops see every
 * patient, a patient only itself: another patient is answered 404 like a missing one.
 */
@RestController
@Tag(name = "Patients")
class PatientController {

    private static final String EXAMPLE = """
            {"patientId": "0f8e4c61-7d2b-4c55-a3d1-8e9b0a6c2d47", "firstName": "Ada", "lastName": "Lovelace",
             "email": "ada@example.com", "phone": "+15551234567", "dateOfBirth": "1990-12-10",
             "createdAt": "2026-11-20T10:00:00Z"}""";

    private final Patients patients;

    PatientController(Patients patients) {
        this.patients = patients;
    }

    @GetMapping("/api/patients/{id}")
    @Operation(summary = "A patient by id")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<PatientView> patient(@PathVariable String id, Caller caller) {
        PatientView patient = patients.find(id)
            .filter(found -> caller.canSeePatient(found.patientId()))
            .map(PatientView::of)
            .orElseThrow(() -> new NotFound("There is no patient " + id + "."));
        return ResponseEntity.ok().eTag(patient.etag()).cacheControl(CacheControl.noCache()).body(patient);
    }

    @GetMapping(path = "/api/patients", params = "email")
    @Operation(summary = "The patient with an e-mail address",
            description = "Addresses are compared trimmed and in lower case. The response names the patient's own "
                    + "URL in Content-Location.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<PatientView> patientByEmail(@RequestParam String email, Caller caller) {
        if (email.isBlank() || !email.contains("@")) {
            throw new BadParameter("email", "Parameter 'email' must be an e-mail address.");
        }
        // The address is not repeated in the problem: responses end up in logs of proxies
        // and clients.
        PatientView patient = patients.findIdByEmail(email)
            .filter(caller::canSeePatient)
            .flatMap(patients::find)
            .map(PatientView::of)
            .orElseThrow(() -> new NotFound("No patient has this e-mail address."));
        return ResponseEntity.ok()
            .eTag(patient.etag())
            .cacheControl(CacheControl.noCache())
            .header("Content-Location", "/api/patients/" + patient.patientId())
            .body(patient);
    }

    @Hidden
    @GetMapping(path = "/api/patients", params = "!email")
    ResponseEntity<PatientView> patientWithoutEmail() {
        throw new BadParameter("email", "Patients are found by id (/api/patients/{id}) or by e-mail "
                + "(/api/patients?email=...); listing every patient is not offered.");
    }

}
