package dev.appointments.model.confirmations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message on queue {@code appointment-confirmations}, told apart by its JSON property
 * {@code type}: the producers' lifecycle commands, the facts the request-service
 * publishes after booking, and hold timers. Unknown properties are ignored and absent
 * optional fields are not written.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ConfirmAppointment.class, name = "ConfirmAppointment"),
        @JsonSubTypes.Type(value = DeclineAppointment.class, name = "DeclineAppointment"),
        @JsonSubTypes.Type(value = CompleteAppointment.class, name = "CompleteAppointment"),
        @JsonSubTypes.Type(value = MarkNoShow.class, name = "MarkNoShow"),
        @JsonSubTypes.Type(value = AppointmentRequested.class, name = "AppointmentRequested"),
        @JsonSubTypes.Type(value = AppointmentRescheduled.class, name = "AppointmentRescheduled"),
        @JsonSubTypes.Type(value = AppointmentCancelled.class, name = "AppointmentCancelled"),
        @JsonSubTypes.Type(value = HoldExpired.class, name = "HoldExpired") })
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface AppointmentConfirmationsMessage
        permits ConfirmAppointment, DeclineAppointment, CompleteAppointment, MarkNoShow, AppointmentRequested,
        AppointmentRescheduled, AppointmentCancelled, HoldExpired {

    /** The appointment the message is about. */
    String appointmentId();

}
