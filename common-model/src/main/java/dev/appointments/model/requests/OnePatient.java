package dev.appointments.model.requests;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A booking request names its patient exactly once: by details ({@code patient}) or by id
 * ({@code patientId}). The violation is reported on {@code patient}, the field a producer
 * most likely forgot or doubled.
 */
@Documented
@Constraint(validatedBy = OnePatient.Validator.class)
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OnePatient {

    String message() default "exactly one of patient and patientId must be given";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Checks {@link OnePatient} on a {@link RequestAppointment}; public because
     * validation providers create it.
     */
    final class Validator implements ConstraintValidator<OnePatient, RequestAppointment> {

        @Override
        public boolean isValid(RequestAppointment request, ConstraintValidatorContext context) {
            if (request == null || (request.patient() == null) != (request.patientId() == null)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("patient")
                .addConstraintViolation();
            return false;
        }

    }

}
