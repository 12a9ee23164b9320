package dev.appointments.request.intake;

import java.util.Arrays;
import java.util.Optional;

import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.requests.AppointmentRequestsMessage;
import dev.appointments.security.Roles;

/**
 * The producer commands the HTTP intake takes, with the queue each goes to and who may
 * give it besides a scheduler: a patient books for itself and moves or cancels its own
 * appointments; a provider confirms, declines, completes and marks no-show the
 * appointments of its own calendar. The facts and timers of the same queues are the
 * system's own messages and are not taken over HTTP.
 */
enum CommandKind {

    REQUEST("RequestAppointment", null, Queue.REQUESTS, Roles.PATIENT),
    RESCHEDULE("RescheduleAppointment", "reschedule", Queue.REQUESTS, Roles.PATIENT),
    CANCEL("CancelAppointment", "cancel", Queue.REQUESTS, Roles.PATIENT),
    CONFIRM("ConfirmAppointment", "confirm", Queue.CONFIRMATIONS, Roles.PROVIDER),
    DECLINE("DeclineAppointment", "decline", Queue.CONFIRMATIONS, Roles.PROVIDER),
    COMPLETE("CompleteAppointment", "complete", Queue.CONFIRMATIONS, Roles.PROVIDER),
    NO_SHOW("MarkNoShow", "no-show", Queue.CONFIRMATIONS, Roles.PROVIDER);

    private final String type;

    private final String action;

    private final Queue queue;

    private final String party;

    CommandKind(String type, String action, Queue queue, String party) {
        this.type = type;
        this.action = action;
        this.queue = queue;
        this.party = party;
    }

    /** The command's JSON {@code type}. */
    String type() {
        return type;
    }

    /**
     * The last segment of its route under {@code /api/appointments/{id}/}; none for a
     * booking.
     */
    String action() {
        return action;
    }

    Queue queue() {
        return queue;
    }

    /**
     * The role that may give this command about its own appointments, besides the
     * scheduler who may give all.
     */
    String party() {
        return party;
    }

    /**
     * Whether the command is about an existing appointment, named by its
     * {@code appointmentId}.
     */
    boolean aboutAnAppointment() {
        return this != REQUEST;
    }

    static Optional<CommandKind> ofType(String type) {
        return Arrays.stream(values()).filter(kind -> kind.type.equals(type)).findFirst();
    }

    static Optional<CommandKind> ofAction(String action) {
        return Arrays.stream(values()).filter(kind -> action.equals(kind.action)).findFirst();
    }

    /**
     * A queue of the contract: where a command goes, and the sealed interface its JSON is
     * read as.
     */
    enum Queue {

        REQUESTS("appointmentRequests-out-0", AppointmentRequestsMessage.class),
        CONFIRMATIONS("appointmentConfirmations-out-0", AppointmentConfirmationsMessage.class);

        private final String binding;

        private final Class<?> contract;

        Queue(String binding, Class<?> contract) {
            this.binding = binding;
            this.contract = contract;
        }

        /** The Spring Cloud Stream output binding that sends to this queue. */
        String binding() {
            return binding;
        }

        /**
         * The queue's sealed message interface, which JSON is read as and written for.
         */
        Class<?> contract() {
            return contract;
        }

    }

}
