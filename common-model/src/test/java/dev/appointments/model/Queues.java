package dev.appointments.model;

import java.util.Arrays;
import java.util.List;

import dev.appointments.model.confirmations.AppointmentConfirmationsMessage;
import dev.appointments.model.reminders.AppointmentRemindersMessage;
import dev.appointments.model.requests.AppointmentRequestsMessage;

/**
 * The sealed interface of each queue and the queue's name, as the schema files and the
 * AsyncAPI channels use it.
 */
enum Queues {

    REQUESTS("appointment-requests", AppointmentRequestsMessage.class),

    CONFIRMATIONS("appointment-confirmations", AppointmentConfirmationsMessage.class),

    REMINDERS("appointment-reminders", AppointmentRemindersMessage.class);

    final String queueName;

    final Class<?> contract;

    Queues(String queueName, Class<?> contract) {
        this.queueName = queueName;
        this.contract = contract;
    }

    List<Class<?>> messageTypes() {
        return Arrays.asList(this.contract.getPermittedSubclasses());
    }

    String schemaFile() {
        return this.queueName + ".schema.json";
    }

    static Queues of(Class<?> messageType) {
        return Arrays.stream(values())
            .filter(queue -> queue.contract.isAssignableFrom(messageType))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(messageType + " belongs to no queue"));
    }

}
