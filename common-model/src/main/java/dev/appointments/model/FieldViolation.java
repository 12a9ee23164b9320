package dev.appointments.model;

/**
 * One field of a message that breaks the contract, named by its JSON path
 * ({@code patient.email}); an empty field means the message as a whole.
 *
 * @param field the JSON path of the offending field
 * @param message what is wrong with it, never the offending value (it may be personal
 * data)
 */
public record FieldViolation(String field, String message) {
}
