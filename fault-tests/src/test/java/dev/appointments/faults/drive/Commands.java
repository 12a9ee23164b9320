package dev.appointments.faults.drive;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The commands of the producer contract, as JSON bodies, for the suite's own providers
 * (see {@link Providers}). Every patient is new and fictional; their e-mail addresses are
 * unique per command, so that mails can be told apart.
 */
public final class Commands {

    public static final String REQUESTS = dev.appointments.resources.Queues.APPOINTMENT_REQUESTS;

    public static final String CONFIRMATIONS = dev.appointments.resources.Queues.APPOINTMENT_CONFIRMATIONS;

    /**
     * A last name no other data uses: a log line that contains it leaks a patient's name.
     */
    public static final String LAST_NAME = "Faultington";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Commands() {
    }

    /** A requestId unique to this run, with a prefix that says what it is. */
    public static String requestId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static Command book(String requestId, String providerId, LocalDate date, LocalTime start, int minutes) {
        ObjectNode body = command("RequestAppointment", requestId);
        body.put("providerId", providerId);
        ObjectNode patient = body.putObject("patient");
        patient.put("firstName", "Pat");
        patient.put("lastName", LAST_NAME);
        patient.put("email", requestId.toLowerCase(java.util.Locale.ROOT) + "@example.com");
        patient.put("phone", "+15550100200");
        patient.put("dateOfBirth", "1985-04-12");
        body.put("appointmentDate", date.toString());
        body.put("startTime", start.toString());
        body.put("durationMinutes", minutes);
        body.put("notes", "fault suite");
        return of(body);
    }

    public static Command reschedule(String requestId, String appointmentId, LocalDate date, LocalTime start) {
        ObjectNode body = command("RescheduleAppointment", requestId);
        body.put("appointmentId", appointmentId);
        body.put("appointmentDate", date.toString());
        body.put("startTime", start.toString());
        return of(body);
    }

    public static Command cancel(String requestId, String appointmentId) {
        ObjectNode body = command("CancelAppointment", requestId);
        body.put("appointmentId", appointmentId);
        body.put("reason", "plans changed");
        return of(body);
    }

    public static Command confirm(String requestId, String appointmentId) {
        ObjectNode body = command("ConfirmAppointment", requestId);
        body.put("appointmentId", appointmentId);
        return of(body);
    }

    public static Command decline(String requestId, String appointmentId) {
        ObjectNode body = command("DeclineAppointment", requestId);
        body.put("appointmentId", appointmentId);
        body.put("reason", "provider away");
        return of(body);
    }

    /** The queue a command of this type goes to. */
    public static String queueOf(String type) {
        return switch (type) {
            case "RequestAppointment", "RescheduleAppointment", "CancelAppointment" -> REQUESTS;
            default -> CONFIRMATIONS;
        };
    }

    public static JsonMapper json() {
        return JSON;
    }

    private static ObjectNode command(String type, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.put("requestId", requestId);
        return body;
    }

    private static Command of(ObjectNode body) {
        return new Command(body.get("requestId").asString(), body.get("type").asString(),
                JSON.writeValueAsString(body));
    }

}
