package dev.appointments.store.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.appointments.resources.Tables;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.appointment.TransientConflict;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static dev.appointments.store.Attributes.instant;
import static dev.appointments.store.Attributes.putIfPresent;
import static dev.appointments.store.Attributes.s;
import static dev.appointments.store.Attributes.string;

/**
 * The patients table and its e-mail claims. A patient and the claim of its e-mail address
 * are written in one transaction, the claim with {@code attribute_not_exists}: two
 * requests with one address, even at the same moment, give one patient.
 */
public final class Patients {

    private final DynamoDbClient dynamoDb;

    private final DynamoDbCalls calls;

    public Patients(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
    }

    public Optional<Patient> find(String patientId) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.Patients.NAME)
            .key(Map.of(Tables.Patients.ID, s(patientId)))
            .consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    /** The id of the patient with this e-mail address, by key lookup. */
    public Optional<String> findIdByEmail(String email) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.PatientEmails.NAME)
            .key(Map.of(Tables.PatientEmails.EMAIL, s(Patient.normalisedEmail(email))))
            .consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(string(response.item(), Tables.PatientEmails.PATIENT_ID)) : Optional.empty();
    }

    /**
     * The patient with this e-mail address, created from these details when there is
     * none.
     */
    public Patient findOrCreate(Patient details) {
        Optional<Patient> existing = findIdByEmail(details.email()).flatMap(this::find);
        if (existing.isPresent()) {
            return existing.get();
        }
        Patient patient = new Patient(UUID.randomUUID().toString(), details.firstName(), details.lastName(),
                Patient.normalisedEmail(details.email()), details.phone(), details.dateOfBirth(), details.createdAt());
        try {
            writeWithClaim(patient);
            return patient;
        }
        catch (TransactionCanceledException claimedMeanwhile) {
            // Another request claimed the address first (or the transactions collided):
            // its patient is the one.
            return findIdByEmail(details.email()).flatMap(this::find).orElseThrow(() -> claimedMeanwhile);
        }
    }

    /**
     * Writes a patient under the id it already has (a patient known to an identity
     * provider, such as a demo user), with the claim of its e-mail address. A patient of
     * that id that exists already is returned unchanged.
     * @throws EmailAlreadyClaimed when another patient has the e-mail address
     */
    public Patient register(Patient patient) {
        Patient normalised = new Patient(patient.patientId(), patient.firstName(), patient.lastName(),
                Patient.normalisedEmail(patient.email()), patient.phone(), patient.dateOfBirth(), patient.createdAt());
        Optional<Patient> existing = find(normalised.patientId());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            writeWithClaim(normalised);
            return normalised;
        }
        catch (TransactionCanceledException refused) {
            // Registered at the same moment under this id, or the address belongs to
            // someone else.
            return find(normalised.patientId()).orElseThrow(() -> new EmailAlreadyClaimed(normalised.patientId()));
        }
    }

    /**
     * Replaces {@code current} by {@code next} (the same patient) if what is stored is
     * still {@code current}, in one transaction; a new e-mail address is claimed, with
     * {@code attribute_not_exists}, and the old claim released.
     * @return false when the stored patient is no longer {@code current}: read it again
     * and decide again
     * @throws EmailAlreadyClaimed when the new e-mail address belongs to another patient
     */
    public boolean update(Patient current, Patient next) {
        Patient normalised = new Patient(current.patientId(), next.firstName(), next.lastName(),
                Patient.normalisedEmail(next.email()), next.phone(), next.dateOfBirth(), current.createdAt());
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        Map<String, AttributeValue> stored = toItem(current);
        for (String attribute : List.of("firstName", "lastName", "email", "phone", "dateOfBirth", "createdAt")) {
            String name = "#" + attribute;
            names.put(name, attribute);
            if (stored.containsKey(attribute)) {
                values.put(":" + attribute, stored.get(attribute));
                conditions.add(name + " = :" + attribute);
            }
            else {
                conditions.add("attribute_not_exists(" + name + ")");
            }
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
            .put(Put.builder()
                .tableName(Tables.Patients.NAME)
                .item(toItem(normalised))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build())
            .build());
        boolean newAddress = !normalised.email().equals(current.email());
        if (newAddress) {
            items.add(TransactWriteItem.builder()
                .put(Put.builder()
                    .tableName(Tables.PatientEmails.NAME)
                    .item(Map.of(Tables.PatientEmails.EMAIL, s(normalised.email()), Tables.PatientEmails.PATIENT_ID,
                            s(normalised.patientId())))
                    .conditionExpression("attribute_not_exists(" + Tables.PatientEmails.EMAIL + ")")
                    .build())
                .build());
            items.add(TransactWriteItem.builder()
                .delete(Delete.builder()
                    .tableName(Tables.PatientEmails.NAME)
                    .key(Map.of(Tables.PatientEmails.EMAIL, s(current.email())))
                    .conditionExpression(Tables.PatientEmails.PATIENT_ID + " = :me")
                    .expressionAttributeValues(Map.of(":me", s(current.patientId())))
                    .build())
                .build());
        }
        try {
            calls.call(() -> dynamoDb.transactWriteItems(request -> request.transactItems(items)));
            return true;
        }
        catch (TransactionCanceledException refused) {
            List<CancellationReason> reasons = refused.cancellationReasons();
            if (newAddress && reasons != null && reasons.size() > 1 && failedCondition(reasons.get(1))) {
                throw new EmailAlreadyClaimed(current.patientId());
            }
            if (reasons != null && !reasons.isEmpty() && failedCondition(reasons.getFirst())) {
                return false;
            }
            throw refused;
        }
    }

    private static boolean failedCondition(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    /**
     * One transaction: the e-mail claim and the patient, each only if absent. A collision
     * with another transaction is retried by the service's DynamoDB calls; a refused
     * condition is thrown to the caller.
     */
    private void writeWithClaim(Patient patient) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder()
                    .put(Put.builder()
                        .tableName(Tables.PatientEmails.NAME)
                        .item(Map.of(Tables.PatientEmails.EMAIL, s(patient.email()), Tables.PatientEmails.PATIENT_ID,
                                s(patient.patientId())))
                        .conditionExpression("attribute_not_exists(" + Tables.PatientEmails.EMAIL + ")")
                        .build())
                    .build(),
                TransactWriteItem.builder()
                    .put(Put.builder()
                        .tableName(Tables.Patients.NAME)
                        .item(toItem(patient))
                        .conditionExpression("attribute_not_exists(" + Tables.Patients.ID + ")")
                        .build())
                    .build());
        calls.call(() -> TransientConflict
            .whenCollided(() -> dynamoDb.transactWriteItems(request -> request.transactItems(items))));
    }

    /**
     * A patient could not be registered because its e-mail address belongs to another
     * patient.
     */
    public static final class EmailAlreadyClaimed extends RuntimeException {

        EmailAlreadyClaimed(String patientId) {
            // The address itself stays out of the message: messages end up in logs.
            super("The e-mail address of patient " + patientId + " belongs to another patient");
        }

    }

    private static Map<String, AttributeValue> toItem(Patient patient) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.Patients.ID, s(patient.patientId()));
        item.put("firstName", s(patient.firstName()));
        item.put("lastName", s(patient.lastName()));
        item.put("email", s(patient.email()));
        putIfPresent(item, "phone", patient.phone());
        putIfPresent(item, "dateOfBirth", patient.dateOfBirth());
        item.put("createdAt", instant(patient.createdAt()));
        return item;
    }

    private static Patient fromItem(Map<String, AttributeValue> item) {
        String dateOfBirth = string(item, "dateOfBirth");
        return new Patient(string(item, Tables.Patients.ID), string(item, "firstName"), string(item, "lastName"),
                string(item, "email"), string(item, "phone"), dateOfBirth == null ? null : LocalDate.parse(dateOfBirth),
                instant(item, "createdAt"));
    }

}
