package dev.appointments.query.outcome;

import dev.appointments.query.web.NotFound;
import dev.appointments.security.Caller;
import dev.appointments.security.Roles;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/appointment-requests/{requestId}}: the recorded outcome of a command,
 * which says where the command is: answered, or (with {@code deadLetterQueue}) unreadable
 * and moved to that dead-letter queue; a 404 means it still waits in its queue. An
 * outcome's decision never changes once recorded; other commands sent later under the
 * same requestId are listed in {@code laterSubmissions}, refused. A 404 may turn into a
 * 200 once the command has been handled.
 * <p>
 * Schedulers and ops see every outcome. A patient sees the outcomes about its own
 * appointments, and the refusals of bookings made for it by its patient id (which created
 * no appointment); any other outcome is answered 404 like a missing one.
 */
@RestController
@Tag(name = "Request outcomes")
class OutcomeController {

    private final Outcomes outcomes;

    private final Appointments appointments;

    OutcomeController(Outcomes outcomes, Appointments appointments) {
        this.outcomes = outcomes;
        this.appointments = appointments;
    }

    @GetMapping("/api/appointment-requests/{requestId}")
    @Operation(summary = "The outcome of a command, by its requestId")
    @ApiResponse(responseCode = "200", content = @Content(examples = { @ExampleObject(name = "accepted", value = """
            {"requestId": "req-7f3a", "commandType": "RequestAppointment", "status": "ACCEPTED",
             "message": "Booked; waiting for confirmation.",
             "appointmentId": "5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11", "recordedAt": "2026-11-20T10:00:00Z"}"""),
            @ExampleObject(name = "rejected", value = """
                    {"requestId": "req-7f3b", "commandType": "RequestAppointment", "status": "REJECTED",
                     "reason": "SLOT_UNAVAILABLE", "message": "The slot is taken: 2026-12-01 09:30 at dr-grey.",
                     "recordedAt": "2026-11-20T10:00:02Z"}"""), @ExampleObject(name = "requestId reused", value = """
                    {"requestId": "req-7f3a", "commandType": "RequestAppointment", "status": "ACCEPTED",
                     "message": "Booked; waiting for confirmation.",
                     "appointmentId": "5b0c2a57-3c1e-3b7e-9d0a-2f4b6f1a9c11", "recordedAt": "2026-11-20T10:00:00Z",
                     "laterSubmissions": [{"at": "2026-11-20T10:05:00Z", "commandType": "CancelAppointment",
                                           "reason": "DUPLICATE_REQUEST_ID"}]}"""),
            @ExampleObject(name = "dead-lettered", value = """
                    {"requestId": "req-7f3c", "commandType": "RequestAppointment", "status": "REJECTED",
                     "reason": "INVALID", "message": "The message could not be read as a command (field durationMinutes
                     has the wrong type or format); it was moved to appointment-requests-dlq as it was sent. Send a
                     corrected command with a new requestId.", "recordedAt": "2026-11-20T10:00:03Z",
                     "deadLetterQueue": "appointment-requests-dlq"}""") }))
    @ApiResponse(responseCode = "404",
            description = "Nothing recorded (yet) for this requestId: the command waits "
                    + "in its queue, or was never sent, or was dead-lettered without a readable requestId",
            content = @Content(mediaType = "application/problem+json"))
    OutcomeView outcome(@PathVariable String requestId, Caller caller) {
        return outcomes.find(requestId)
            .filter(outcome -> maySee(caller, outcome))
            .map(OutcomeView::of)
            .orElseThrow(() -> new NotFound("No outcome is recorded for request " + requestId
                    + " yet: the command is still waiting in its queue, or was never sent. (A message without a "
                    + "readable requestId goes to the dead-letter queue without an outcome.)"));
    }

    private boolean maySee(Caller caller, Outcome outcome) {
        if (caller.hasAnyRole(Roles.SCHEDULER, Roles.OPS)) {
            return true;
        }
        if (outcome.patientId() != null && caller.canSeeOutcome(outcome.patientId())) {
            return true;
        }
        return outcome.appointmentId() != null && appointments.find(outcome.appointmentId())
            .filter(appointment -> caller.canSeeOutcome(appointment.patientId()))
            .isPresent();
    }

}
