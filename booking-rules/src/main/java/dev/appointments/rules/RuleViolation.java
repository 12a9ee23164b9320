package dev.appointments.rules;

/**
 * One field of a provider's rules that cannot be used, named by its JSON path
 * ({@code weeklyHours.MONDAY[1].start}, {@code dateOverrides[0].hours}), so that the
 * admin API can answer with an RFC 9457 problem naming it.
 *
 * @param field the JSON path of the offending field
 * @param message what is wrong with it
 */
public record RuleViolation(String field, String message) {
}
