package dev.appointments.model.requests;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message on queue {@code appointment-requests}, told apart by its JSON property
 * {@code type}. Unknown properties are ignored, so that producers may add fields before
 * every consumer knows them; absent optional fields are not written.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = RequestAppointment.class, name = "RequestAppointment"),
        @JsonSubTypes.Type(value = RescheduleAppointment.class, name = "RescheduleAppointment"),
        @JsonSubTypes.Type(value = CancelAppointment.class, name = "CancelAppointment") })
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface AppointmentRequestsMessage
        permits RequestAppointment, RescheduleAppointment, CancelAppointment {

    /**
     * The producer's idempotency key: the same requestId twice has the effect of once.
     */
    String requestId();

}
