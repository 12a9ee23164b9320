package dev.appointments.store.appointment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.appointments.resources.Tables;
import dev.appointments.rules.TimeWindow;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.s;

/**
 * The appointments table and the provider's calendar. Every change is one {@code TransactWriteItems}: the
 * appointment, under a condition on its status and version; each UTC day of the provider's calendar whose busy times
 * change, under a condition on the day's version, so that a time is only taken when no other appointment kept it
 * at the moment of the write; and the outcome of the command that caused it.
 */
public final class Appointments {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    /** Each round is lost only to a booking that committed on the same day, so rounds run out only under a storm. */
    private static final int CALENDAR_ROUNDS = 10;

    private final DynamoDbClient dynamoDb;
    private final DynamoDbCalls calls;
    private final CalendarDays days;
    private final Outcomes outcomes;

    public Appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this(dynamoDb, calls, new Outcomes(dynamoDb, calls));
    }

    /** @param outcomes how the outcomes written with the appointments are recorded (their retention) */
    public Appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls, Outcomes outcomes) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
        this.days = new CalendarDays(dynamoDb, calls);
        this.outcomes = outcomes;
    }

    public Optional<Appointment> find(String appointmentId) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.Appointments.NAME)
                .key(Map.of(Tables.Appointments.ID, s(appointmentId))).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(AppointmentItems.fromItem(response.item())) : Optional.empty();
    }

    /** Books a new appointment, taking its time in the provider's calendar, with the outcome of the request. */
    public WriteResult book(Appointment appointment, Outcome outcome) {
        return write(null, appointment,
                put(appointment, "attribute_not_exists(" + Tables.Appointments.ID + ")", Map.of()), outcome);
    }

    /**
     * Replaces {@code current} by {@code next}, if {@code current} is still what is stored: frees the time
     * {@code current} kept when {@code next} leaves the calendar or moves, takes the time {@code next} keeps, and
     * records the outcome (when there is one: timers have none).
     */
    public WriteResult update(Appointment current, Appointment next, Outcome outcome) {
        return write(current, next, put(next, "#status = :expectedStatus AND version = :expectedVersion", Map.of(
                ":expectedStatus", s(current.status().name()), ":expectedVersion", n(current.version()))), outcome);
    }

    private WriteResult write(Appointment current, Appointment next, TransactWriteItem appointmentWrite,
            Outcome outcome) {
        TimeWindow freed = current != null && current.status().onCalendar() ? current.blocked() : null;
        TimeWindow taken = next.status().onCalendar() ? next.blocked() : null;
        SortedSet<LocalDate> touched = new TreeSet<>();
        if (!Objects.equals(freed, taken)) {
            if (freed != null) {
                touched.addAll(CalendarDays.daysOf(freed));
            }
            if (taken != null) {
                touched.addAll(CalendarDays.daysOf(taken));
            }
        }
        for (int round = 1; round <= CALENDAR_ROUNDS; round++) {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(appointmentWrite);
            for (CalendarDay day : days.read(next.providerId(), touched).values()) {
                if (taken != null && day.collision(next.appointmentId(), taken).isPresent()) {
                    return WriteResult.SLOT_TAKEN;
                }
                items.add(CalendarDays.put(next.providerId(), day.with(next.appointmentId(), taken)));
            }
            if (outcome != null) {
                items.add(outcomes.recordInTransaction(outcome));
            }
            Optional<WriteResult> result = transact(items);
            if (result.isPresent()) {
                return result.get();
            }
            // A day changed since it was read: read it again and decide again.
        }
        throw new TransientConflictException("The calendar of provider " + next.providerId()
                + " kept changing under the write");
    }

    /**
     * The result of the transaction; empty when only a calendar day changed since it was read. A transaction that
     * collided with another one is cancelled with a {@link TransientConflictException} inside the call, so that the
     * service's retry runs it again.
     */
    private Optional<WriteResult> transact(List<TransactWriteItem> items) {
        return calls.call(() -> {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(items));
                return Optional.of(WriteResult.WRITTEN);
            }
            catch (TransactionCanceledException ex) {
                return whyCancelled(ex.cancellationReasons(), items);
            }
        });
    }

    private static Optional<WriteResult> whyCancelled(List<CancellationReason> reasons, List<TransactWriteItem> items) {
        if (reasons == null || reasons.size() != items.size()) {
            throw new IllegalStateException("DynamoDB cancelled a transaction without saying why");
        }
        boolean stale = false;
        boolean dayChanged = false;
        for (int i = 0; i < reasons.size(); i++) {
            if (!CONDITION_FAILED.equals(reasons.get(i).code())) {
                continue;
            }
            TransactWriteItem item = items.get(i);
            if (Tables.RequestOutcomes.NAME.equals(item.put().tableName())) {
                return Optional.of(WriteResult.ALREADY_RECORDED);
            }
            if (CalendarDays.isDay(item)) {
                dayChanged = true;
            }
            else {
                stale = true;
            }
        }
        if (stale) {
            return Optional.of(WriteResult.STALE);
        }
        if (dayChanged) {
            return Optional.empty();
        }
        // Conflicts with a concurrent transaction: a retry decides.
        throw new TransientConflictException(reasons);
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
}
