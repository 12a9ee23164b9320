package dev.appointments.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The shape of every id in the contract, the producer's {@code requestId} included: 1 to
 * 128 characters of {@code [A-Za-z0-9._:-]}. Ids end up in DynamoDB keys, URLs and log
 * lines, so the charset is kept safe for all three. {@code null} is valid; combine with
 * {@code @NotNull} where the id is required.
 */
@Documented
@Size(min = 1, max = Identifier.MAX_LENGTH)
@Pattern(regexp = Identifier.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Identifier {

    /** The longest id accepted. */
    int MAX_LENGTH = 128;

    /** The characters an id is made of (Java regex, matched against the whole value). */
    String PATTERN = "[A-Za-z0-9._:-]+";

    String message() default "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
