package dev.appointments.request.intake;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.appointments.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/appointment-requests}: any producer command, told apart by its
 * {@code type} (RequestAppointment when absent), put on the queue a producer would put it
 * on and answered 202 with where its outcome will appear. The command is then handled
 * exactly as if a producer had sent it to the queue (see {@link CommandSubmissions}).
 * <p>
 * Schedulers book for any patient, by id or with the patient's details. A patient books
 * only for itself: its {@code patientId} must be the token's {@code patient_id}, and it
 * may not send patient details, which would find or create a patient record by e-mail
 * address that is not the one its token names (403 either way). Commands about an
 * appointment follow the rules of {@link CommandAccess}. A body that would make a queue
 * message over the SQS limit is answered 413 before anything is sent.
 * <p>
 * With {@code Prefer: wait=N} (RFC 7240, at most {@link PreferWait#MAX}) the answer waits
 * for the outcome, without holding a servlet thread: 201 Created naming the appointment
 * when it was booked, 200 when another command was carried out, 409 Conflict when the
 * slot is taken or the appointment's state forbids the command, 422 for any other
 * refusal, and the usual 202 when the wait runs out (see {@link WaitedAnswers}). A
 * requestId that already has an outcome is answered from it at once.
 */
@RestController
@Tag(name = "Commands")
class IntakeController {

    private final CommandSubmissions submissions;

    IntakeController(CommandSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping(path = "/api/appointment-requests", consumes = "application/json")
    @Operation(summary = "Any producer command, by type",
            description = "RequestAppointment (the default), RescheduleAppointment, CancelAppointment, "
                    + "ConfirmAppointment, DeclineAppointment, CompleteAppointment or MarkNoShow, exactly as on the "
                    + "queue. A patient books for itself by its patientId and moves or cancels its own appointments; "
                    + "a provider confirms, declines, completes and marks no-show its own; a scheduler gives any.")
    @OpenApiAnswers.Command
    CompletableFuture<ResponseEntity<?>> submit(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(type = "object"), examples = {
                    @ExampleObject(name = "book by patient id", value = """
                            {"type": "RequestAppointment", "requestId": "req-7f3a", "providerId": "dr-grey",
                             "patientId": "0f8e4c61-7d2b-4c55-a3d1-8e9b0a6c2d47",
                             "appointmentDate": "2026-12-01", "startTime": "09:30", "durationMinutes": 30,
                             "notes": "first visit"}"""),
                    @ExampleObject(name = "book with patient details (scheduler)", value = """
                            {"type": "RequestAppointment", "requestId": "req-7f3b", "providerId": "dr-grey",
                             "patient": {"firstName": "Ada", "lastName": "Lovelace",
                                         "email": "ada@example.com", "phone": "+15551234567",
                                         "dateOfBirth": "1990-12-10"},
                             "appointmentDate": "2026-12-01", "startTime": "10:00"}"""),
                    @ExampleObject(name = "cancel", value = """
                            {"type": "CancelAppointment", "requestId": "cancel-42",
                             "appointmentId": "5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11",
                             "reason": "feeling better"}"""),
                    @ExampleObject(name = "confirm",
                            value = """
                                    {"type": "ConfirmAppointment", "requestId": "confirm-9",
                                     "appointmentId": "5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11"}""") })) @RequestBody JsonNode body,
            @RequestHeader(name = CommandSubmissions.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader(name = PreferWait.PREFER, required = false) List<String> prefer, Caller caller) {
        if (!(body instanceof ObjectNode command)) {
            return CompletableFuture.completedFuture(
                    Problems.of(HttpStatus.BAD_REQUEST, "Not a command", "The body must be a JSON object."));
        }
        if (!command.has("type")) {
            command.put("type", CommandKind.REQUEST.type());
        }
        return submissions.submit(command, idempotencyKey, prefer, caller);
    }

}
