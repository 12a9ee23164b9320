package dev.appointments.rules;

import dev.appointments.model.ReasonCode;

/**
 * A slot that the provider's rules do not allow.
 *
 * @param reason the reason code of the outcome
 * @param message a sentence for people, naming the date and time asked for and nothing
 * personal
 */
public record Refusal(ReasonCode reason, String message) implements BookingDecision {
}
