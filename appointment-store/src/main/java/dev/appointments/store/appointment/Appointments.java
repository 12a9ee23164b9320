package dev.appointments.store.appointment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.appointments.resources.Tables;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.s;

/**
 * The appointments table and the slot locks. Every change is one {@code TransactWriteItems}: the appointment, under
 * a condition on its status and version; the locks it takes, with {@code attribute_not_exists}, so no two
 * appointments ever hold the same slot; the locks it releases; and the outcome of the command that caused it.
 */
public final class Appointments {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbCalls calls;

    public Appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
    }

    public Optional<Appointment> find(String appointmentId) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.Appointments.NAME)
                .key(Map.of(Tables.Appointments.ID, s(appointmentId))).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(AppointmentItems.fromItem(response.item())) : Optional.empty();
    }

    /** Books a new appointment with its slot locks and the outcome of the request. */
    public WriteResult book(Appointment appointment, Outcome outcome) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(appointment, "attribute_not_exists(" + Tables.Appointments.ID + ")", Map.of()));
        appointment.lockedSlots().forEach(slot -> items.add(takeLock(appointment, slot)));
        items.add(Outcomes.recordInTransaction(outcome));
        return write(items);
    }

    /**
     * Replaces {@code current} by {@code next}, if {@code current} is still what is stored: takes the locks that
     * {@code next} holds and {@code current} did not, releases those it no longer holds, and records the outcome
     * (when there is one: timers have none).
     */
    public WriteResult update(Appointment current, Appointment next, Outcome outcome) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(next, "#status = :expectedStatus AND version = :expectedVersion", Map.of(
                ":expectedStatus", s(current.status().name()), ":expectedVersion", n(current.version()))));
        Set<Instant> released = new LinkedHashSet<>(current.lockedSlots());
        released.removeAll(next.lockedSlots());
        Set<Instant> taken = new LinkedHashSet<>(next.lockedSlots());
        taken.removeAll(current.lockedSlots());
        released.forEach(slot -> items.add(releaseLock(current, slot)));
        taken.forEach(slot -> items.add(takeLock(next, slot)));
        if (outcome != null) {
            items.add(Outcomes.recordInTransaction(outcome));
        }
        return write(items);
    }

    private WriteResult write(List<TransactWriteItem> items) {
        try {
            calls.call(() -> dynamoDb.transactWriteItems(request -> request.transactItems(items)));
            return WriteResult.WRITTEN;
        }
        catch (TransactionCanceledException ex) {
            return whyCancelled(ex.cancellationReasons(), items);
        }
    }

    private static WriteResult whyCancelled(List<CancellationReason> reasons, List<TransactWriteItem> items) {
        if (reasons == null || reasons.size() != items.size()) {
            throw new IllegalStateException("DynamoDB cancelled a transaction without saying why");
        }
        boolean slotTaken = false;
        for (int i = 0; i < reasons.size(); i++) {
            if (!CONDITION_FAILED.equals(reasons.get(i).code())) {
                continue;
            }
            String table = tableOf(items.get(i));
            if (Tables.RequestOutcomes.NAME.equals(table)) {
                return WriteResult.ALREADY_RECORDED;
            }
            if (Tables.SlotLocks.NAME.equals(table) && items.get(i).put() != null) {
                slotTaken = true;
            }
        }
        if (slotTaken) {
            return WriteResult.SLOT_TAKEN;
        }
        boolean anyConditionFailed = reasons.stream().anyMatch(reason -> CONDITION_FAILED.equals(reason.code()));
        if (anyConditionFailed) {
            return WriteResult.STALE;
        }
        // Conflicts with a concurrent transaction: a retry decides.
        throw new TransientConflictException(reasons);
    }

    private static String tableOf(TransactWriteItem item) {
        if (item.put() != null) {
            return item.put().tableName();
        }
        return item.delete() != null ? item.delete().tableName() : null;
    }

    private static TransactWriteItem put(Appointment appointment, String condition,
            Map<String, AttributeValue> values) {
        var put = Put.builder().tableName(Tables.Appointments.NAME).item(AppointmentItems.toItem(appointment))
                .conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeNames(Map.of("#status", Tables.Appointments.STATUS)).expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static TransactWriteItem takeLock(Appointment appointment, Instant slot) {
        return TransactWriteItem.builder().put(Put.builder().tableName(Tables.SlotLocks.NAME)
                .item(Map.of(Tables.SlotLocks.PROVIDER_ID, s(appointment.providerId()),
                        Tables.SlotLocks.SLOT_START, s(slot.toString()),
                        Tables.SlotLocks.APPOINTMENT_ID, s(appointment.appointmentId())))
                .conditionExpression("attribute_not_exists(" + Tables.SlotLocks.SLOT_START + ")").build()).build();
    }

    private static TransactWriteItem releaseLock(Appointment appointment, Instant slot) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(Tables.SlotLocks.NAME)
                .key(Map.of(Tables.SlotLocks.PROVIDER_ID, s(appointment.providerId()),
                        Tables.SlotLocks.SLOT_START, s(slot.toString())))
                .conditionExpression(Tables.SlotLocks.APPOINTMENT_ID + " = :owner")
                .expressionAttributeValues(Map.of(":owner", s(appointment.appointmentId()))).build()).build();
    }
}
