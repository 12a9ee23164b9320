package dev.appointments.model.reminders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message on queue {@code appointment-reminders}, told apart by its JSON property
 * {@code type}. Unknown properties are ignored and absent optional fields are not
 * written.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = NotifyPatient.class, name = "NotifyPatient"),
        @JsonSubTypes.Type(value = PlanReminders.class, name = "PlanReminders"),
        @JsonSubTypes.Type(value = ReminderDue.class, name = "ReminderDue") })
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface AppointmentRemindersMessage permits NotifyPatient, PlanReminders, ReminderDue {

    /** The appointment the message is about. */
    String appointmentId();

}
