package dev.appointments.query.appointment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.appointments.query.web.BadParameter;
import dev.appointments.resources.Tables;
import dev.appointments.store.appointment.AppointmentIndex;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The opaque cursor of a list: the DynamoDB key where the page ended, as base64url JSON.
 * A cursor is only taken back for the query that gave it out: same index and key, and
 * inside the same time range.
 */
final class Cursors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<TreeMap<String, String>> KEY = new TypeReference<>() {
    };

    private Cursors() {
    }

    static String encode(Map<String, String> key) {
        if (key.isEmpty()) {
            return null;
        }
        byte[] json = JSON.writeValueAsBytes(new TreeMap<>(key));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    static Map<String, String> decode(String parameter, String cursor, AppointmentIndex index, String value,
            Instant from, Instant to) {
        if (cursor == null || cursor.isEmpty()) {
            return Map.of();
        }
        Map<String, String> key = read(parameter, cursor);
        Set<String> expected = Set.of(Tables.Appointments.ID, index.keyAttribute(), Tables.Appointments.STARTS_AT);
        if (!key.keySet().equals(expected) || key.values().stream().anyMatch(part -> part == null || part.isEmpty())
                || !value.equals(key.get(index.keyAttribute()))) {
            throw invalid(parameter);
        }
        Instant start = instant(parameter, key.get(Tables.Appointments.STARTS_AT));
        if (from != null && start.isBefore(from) || to != null && !start.isBefore(to)) {
            throw invalid(parameter);
        }
        return key;
    }

    private static Map<String, String> read(String parameter, String cursor) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(cursor), KEY);
        }
        catch (IllegalArgumentException | JacksonException ex) {
            throw invalid(parameter);
        }
    }

    private static Instant instant(String parameter, String text) {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw invalid(parameter);
        }
    }

    private static BadParameter invalid(String parameter) {
        return new BadParameter(parameter, "The " + parameter + " is not one this API gave out for this query; "
                + "pass back the nextCursor of the previous page with the same filter and range, or leave it out "
                + "to start from the first page.");
    }

}
