package dev.appointments.request.patient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.appointments.model.FieldViolation;
import dev.appointments.model.FieldViolations;
import dev.appointments.model.requests.PatientDetails;
import dev.appointments.security.Caller;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} and {@code PUT /api/patients/me}: a signed-in patient reads, creates and
 * updates its own record, under the {@code patient_id} of its token (the authorization
 * server gives a new user one at sign-up), so that it can book by its own id afterwards.
 * The same field rules apply as to the patient details of a booking request.
 * <p>
 * Writes are conditional: an e-mail address stays unique (the address of another patient
 * is 409 naming the field, never the other patient), {@code If-Match} with the record's
 * {@code ETag} refuses to overwrite a change made meanwhile (412), and
 * {@code If-None-Match: *} creates only. Without either, the record read just before the
 * write is the condition, so two writes at the same moment never mix.
 */
@RestController
@Tag(name = "My patient record")
class MyRecordController {

    static final String PATH = "/api/patients/me";

    private static final String EXAMPLE = """
            {"patientId": "patient-5c1d0e2a-9f3b-4a7c-8d6e-1b2c3d4e5f60", "firstName": "Ada", "lastName": "Lovelace",
             "email": "ada@example.com", "phone": "+15551234567", "dateOfBirth": "1990-12-10",
             "createdAt": "2026-11-20T10:00:00Z"}""";

    private final Patients patients;

    private final Validator validator;

    private final Clock clock;

    MyRecordController(Patients patients, Validator validator, Clock clock) {
        this.patients = patients;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping(PATH)
    @Operation(summary = "The signed-in patient's own record",
            description = "404 until the patient has created it with PUT; the ETag is for If-Match.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> read(Caller caller) {
        Optional<String> patientId = caller.patientId();
        if (patientId.isEmpty()) {
            return noPatientId();
        }
        return patients.find(patientId.get())
            .<ResponseEntity<?>>map(patient -> ResponseEntity.ok().eTag(etag(patient)).body(MyRecord.of(patient)))
            .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No record yet",
                    "There is no patient record for this sign-in yet; PUT " + PATH + " creates it."));
    }

    @PutMapping(path = PATH, consumes = "application/json")
    @Operation(summary = "Create or update the signed-in patient's own record",
            description = "Under the token's patient_id. 201 when created, 200 when updated, with the new ETag. "
                    + "If-Match refuses to overwrite a change made meanwhile (412); If-None-Match: * only creates.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "201", content = @Content(examples = @ExampleObject(value = EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "A field breaks the rules; each is named",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The e-mail address belongs to another patient",
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(
                            value = """
                                    {"type": "about:blank", "title": "E-mail address taken", "status": 409,
                                     "detail": "This e-mail address belongs to another patient; each patient has an address of its own.",
                                     "field": "email"}""")))
    @ApiResponse(responseCode = "412", description = "If-Match or If-None-Match did not hold",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> write(@RequestBody PatientDetails details,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch, Caller caller) {
        Optional<String> patientId = caller.patientId();
        if (patientId.isEmpty()) {
            return noPatientId();
        }
        List<FieldViolation> violations = FieldViolations.of(validator, details);
        if (!violations.isEmpty()) {
            ResponseEntity<ProblemDetail> invalid = problem(HttpStatus.BAD_REQUEST, "Invalid patient details",
                    violations.stream()
                        .map(violation -> violation.field() + ": " + violation.message())
                        .collect(Collectors.joining("; ")));
            invalid.getBody().setProperty("violations", violations);
            return invalid;
        }
        Instant now = clock.instant();
        Patient wanted = new Patient(patientId.get(), details.firstName(), details.lastName(), details.email(),
                details.phone(), details.dateOfBirth(), now);
        try {
            Optional<Patient> current = patients.find(patientId.get());
            if (current.isEmpty()) {
                return create(wanted, ifMatch);
            }
            return update(current.get(), wanted, ifMatch, ifNoneMatch);
        }
        catch (Patients.EmailAlreadyClaimed taken) {
            ResponseEntity<ProblemDetail> conflict = problem(HttpStatus.CONFLICT, "E-mail address taken",
                    "This e-mail address belongs to another patient; each patient has an address of its own.");
            conflict.getBody().setProperty("field", "email");
            return conflict;
        }
    }

    private ResponseEntity<?> create(Patient wanted, String ifMatch) {
        if (ifMatch != null) {
            return preconditionFailed("There is no record to match yet; create it without If-Match.");
        }
        Patient created = patients.register(wanted);
        return ResponseEntity.created(URI.create(PATH)).eTag(etag(created)).body(MyRecord.of(created));
    }

    private ResponseEntity<?> update(Patient current, Patient wanted, String ifMatch, String ifNoneMatch) {
        if ("*".equals(ifNoneMatch == null ? null : ifNoneMatch.trim())) {
            return preconditionFailed("The record exists already.");
        }
        if (ifMatch != null && !matches(ifMatch, etag(current))) {
            return preconditionFailed("The record changed since it was read; read it again.");
        }
        if (!patients.update(current, wanted)) {
            return preconditionFailed("The record changed while it was being written; read it again.");
        }
        Patient written = patients.find(current.patientId()).orElseThrow();
        return ResponseEntity.ok().eTag(etag(written)).body(MyRecord.of(written));
    }

    private static boolean matches(String ifMatch, String etag) {
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** Patients carry no version, so the tag is a digest of the record. */
    static String etag(Patient patient) {
        String content = String.join("\n", patient.patientId(), patient.firstName(), patient.lastName(),
                patient.email(), Objects.toString(patient.phone(), ""), Objects.toString(patient.dateOfBirth(), ""),
                Objects.toString(patient.createdAt(), ""));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    private static ResponseEntity<?> noPatientId() {
        return problem(HttpStatus.FORBIDDEN, "Not a patient",
                "The token names no patient (claim patient_id); sign in as a patient.");
    }

    private static ResponseEntity<?> preconditionFailed(String detail) {
        return problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * The patient's own record. Every field but the id is personal data: shown to the
     * patient, never logged.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MyRecord(String patientId, String firstName, String lastName, String email, String phone,
            LocalDate dateOfBirth, Instant createdAt) {

        static MyRecord of(Patient patient) {
            return new MyRecord(patient.patientId(), patient.firstName(), patient.lastName(), patient.email(),
                    patient.phone(), patient.dateOfBirth(), patient.createdAt());
        }

        @Override
        public String toString() {
            return "MyRecord[patientId=" + patientId + "]";
        }
    }

}
