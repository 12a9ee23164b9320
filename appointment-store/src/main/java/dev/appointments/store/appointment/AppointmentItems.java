package dev.appointments.store.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.resources.Tables;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static dev.appointments.store.Attributes.instant;
import static dev.appointments.store.Attributes.listOfMaps;
import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.number;
import static dev.appointments.store.Attributes.putIfPresent;
import static dev.appointments.store.Attributes.s;
import static dev.appointments.store.Attributes.string;

/**
 * Maps appointments to DynamoDB items and back.
 */
final class AppointmentItems {

    private AppointmentItems() {
    }

    static Map<String, AttributeValue> toItem(Appointment appointment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.Appointments.ID, s(appointment.appointmentId()));
        item.put(Tables.Appointments.PROVIDER_ID, s(appointment.providerId()));
        item.put(Tables.Appointments.PATIENT_ID, s(appointment.patientId()));
        item.put(Tables.Appointments.STATUS, s(appointment.status().name()));
        item.put(Tables.Appointments.STARTS_AT, instant(appointment.startsAt()));
        item.put("endsAt", instant(appointment.endsAt()));
        item.put("timeZone", s(appointment.timeZone()));
        item.put("localDate", s(appointment.localDate().toString()));
        item.put("localStartTime", s(appointment.localStartTime().toString()));
        putIfPresent(item, "notes", appointment.notes());
        putIfPresent(item, "reason", appointment.reason());
        item.put("blockedUntil", instant(appointment.blockedUntil()));
        item.put("version", n(appointment.version()));
        item.put("history", AttributeValue
            .fromL(appointment.history().stream().map(AppointmentItems::toItem).map(AttributeValue::fromM).toList()));
        item.put("createdAt", instant(appointment.createdAt()));
        item.put("updatedAt", instant(appointment.updatedAt()));
        return item;
    }

    static Appointment fromItem(Map<String, AttributeValue> item) {
        return new Appointment(string(item, Tables.Appointments.ID), string(item, Tables.Appointments.PROVIDER_ID),
                string(item, Tables.Appointments.PATIENT_ID),
                AppointmentStatus.valueOf(string(item, Tables.Appointments.STATUS)),
                instant(item, Tables.Appointments.STARTS_AT), instant(item, "endsAt"), string(item, "timeZone"),
                LocalDate.parse(string(item, "localDate")), LocalTime.parse(string(item, "localStartTime")),
                string(item, "notes"), string(item, "reason"), instant(item, "blockedUntil"), number(item, "version"),
                listOfMaps(item, "history").stream().map(AppointmentItems::historyEntry).toList(),
                instant(item, "createdAt"), instant(item, "updatedAt"));
    }

    static Map<String, AttributeValue> toItem(HistoryEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("at", instant(entry.at()));
        putIfPresent(item, "from", entry.from());
        item.put("to", s(entry.to().name()));
        item.put("cause", s(entry.cause()));
        putIfPresent(item, "note", entry.note());
        return item;
    }

    private static HistoryEntry historyEntry(Map<String, AttributeValue> item) {
        String from = string(item, "from");
        return new HistoryEntry(instant(item, "at"), from == null ? null : AppointmentStatus.valueOf(from),
                AppointmentStatus.valueOf(string(item, "to")), string(item, "cause"), string(item, "note"));
    }

}
