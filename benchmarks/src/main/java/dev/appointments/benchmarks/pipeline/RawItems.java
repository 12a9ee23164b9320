package dev.appointments.benchmarks.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

/**
 * Items of the harnesses' own tables with the attributes, and so about the size, of the
 * system's: an appointment with its history, a slot lock, an outcome with its
 * fingerprint, a patient.
 */
final class RawItems {

    private RawItems() {
    }

    static Map<String, AttributeValue> appointment(String appointmentId, String providerId, String patientId,
            Instant start, String status, int version, String requestId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("appointmentId", fromS(appointmentId));
        item.put("providerId", fromS(providerId));
        item.put("patientId", fromS(patientId));
        item.put("status", fromS(status));
        item.put("startsAt", fromS(start.toString()));
        item.put("endsAt", fromS(start.plusSeconds(900).toString()));
        item.put("timeZone", fromS("America/New_York"));
        item.put("localDate", fromS("2026-12-01"));
        item.put("localStartTime", fromS("09:15"));
        item.put("lockedSlots", fromL(List.of(fromS(start.toString()))));
        item.put("version", fromN(Integer.toString(version)));
        Map<String, AttributeValue> requested = history(null, "REQUESTED", requestId);
        item.put("history", fromL(version == 1 ? List.of(fromM(requested))
                : List.of(fromM(requested), fromM(history("REQUESTED", status, requestId)))));
        item.put("createdAt", fromS(Instant.now().toString()));
        item.put("updatedAt", fromS(Instant.now().toString()));
        return item;
    }

    private static Map<String, AttributeValue> history(String from, String to, String cause) {
        Map<String, AttributeValue> entry = new HashMap<>();
        entry.put("at", fromS(Instant.now().toString()));
        if (from != null) {
            entry.put("from", fromS(from));
        }
        entry.put("to", fromS(to));
        entry.put("cause", fromS(cause));
        return entry;
    }

    static Map<String, AttributeValue> slotLock(String providerId, Instant start, String appointmentId) {
        return Map.of("providerId", fromS(providerId), "slotStart", fromS(start.toString()), "appointmentId",
                fromS(appointmentId));
    }

    static Map<String, AttributeValue> outcome(String requestId, String appointmentId) {
        return Map.of("requestId", fromS(requestId), "commandType", fromS("RequestAppointment"), "fingerprint",
                fromS("9f2c1e7a5b3d8f0e6a4c2b1d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f"), "status", fromS("ACCEPTED"),
                "message", fromS("Booked; waiting for confirmation."), "appointmentId", fromS(appointmentId),
                "recordedAt", fromS(Instant.now().toString()));
    }

    static Map<String, AttributeValue> patient(String patientId) {
        return Map.of("patientId", fromS(patientId), "firstName", fromS("Bench"), "lastName", fromS("Patient"), "email",
                fromS(patientId + "@bench.example"), "dateOfBirth", fromS("1980-01-01"), "createdAt",
                fromS(Instant.now().toString()));
    }

}
