package dev.appointments.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * Dates ({@code 2026-12-01}), instants ({@code 2026-12-01T08:30:00Z}) and durations
 * ({@code PT2H}) travel as strict ISO-8601 text, whatever the reading or writing mapper
 * is configured to do with timestamps: numbers, arrays and impossible dates such as
 * {@code 2026-02-30} are refused rather than guessed at.
 */
@JacksonAnnotationsInside
@JsonFormat(shape = JsonFormat.Shape.STRING, lenient = OptBoolean.FALSE)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Iso8601 {

}
