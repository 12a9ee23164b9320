package dev.appointments.model;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks a message against the field rules of the contract. The {@link Validator} comes
 * from the caller, so this module needs no validation provider and no framework.
 */
public final class FieldViolations {

    private static final Comparator<FieldViolation> ORDER = Comparator.comparing(FieldViolation::field)
        .thenComparing(FieldViolation::message);

    private FieldViolations() {
    }

    /**
     * The violations of a message, sorted by field so that answers and tests are stable;
     * empty when the message is valid.
     */
    public static List<FieldViolation> of(Validator validator, Object message) {
        return validator.validate(message).stream().map(FieldViolations::toFieldViolation).sorted(ORDER).toList();
    }

    private static FieldViolation toFieldViolation(ConstraintViolation<?> violation) {
        // The message is the template's text, not the invalid value: violations may be
        // logged or returned.
        return new FieldViolation(violation.getPropertyPath().toString(), violation.getMessage());
    }

}
