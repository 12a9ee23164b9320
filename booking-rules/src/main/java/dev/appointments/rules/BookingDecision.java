package dev.appointments.rules;

/**
 * The answer of the booking check: a {@link SlotRequest} to book, or a {@link Refusal}; a
 * {@code switch} over the two is exhaustive.
 */
public sealed interface BookingDecision permits SlotRequest, Refusal {

}
