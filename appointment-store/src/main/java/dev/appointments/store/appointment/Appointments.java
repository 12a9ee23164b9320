package dev.appointments.store.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.appointments.resources.Tables;
import dev.appointments.rules.TimeWindow;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.Attributes;
import dev.appointments.store.DynamoDbCalls;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.s;

/**
 * The appointments table and the provider's calendar. Every change is one
 * {@code TransactWriteItems}: the appointment, under a condition on its status and
 * version; each UTC day of the provider's calendar whose busy times change, under a
 * condition on the day's version, so that a time is only taken when no other appointment
 * kept it at the moment of the write; and the outcome of the command that caused it.
 */
public final class Appointments {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    /**
     * Each round is lost only to a booking that committed on the same day, so rounds run
     * out only under a storm.
     */
    private static final int CALENDAR_ROUNDS = 10;

    private final DynamoDbClient dynamoDb;

    private final DynamoDbCalls calls;

    private final CalendarDays days;

    private final Outcomes outcomes;

    public Appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls) {
        this(dynamoDb, calls, new Outcomes(dynamoDb, calls));
    }

    /**
     * @param outcomes how the outcomes written with the appointments are recorded (their
     * retention)
     */
    public Appointments(DynamoDbClient dynamoDb, DynamoDbCalls calls, Outcomes outcomes) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
        this.days = new CalendarDays(dynamoDb, calls);
        this.outcomes = outcomes;
    }

    public Optional<Appointment> find(String appointmentId) {
        var response = calls.call(() -> dynamoDb.getItem(request -> request.tableName(Tables.Appointments.NAME)
            .key(Map.of(Tables.Appointments.ID, s(appointmentId)))
            .consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(AppointmentItems.fromItem(response.item())) : Optional.empty();
    }

    /**
     * Books a new appointment, taking its time in the provider's calendar, with the
     * outcome of the request.
     */
    public WriteResult book(Appointment appointment, Outcome outcome) {
        return write(null, appointment,
                put(appointment, "attribute_not_exists(" + Tables.Appointments.ID + ")", Map.of()), outcome, List.of());
    }

    /**
     * Books a new appointment as {@link #book(Appointment, Outcome)} does, in the same
     * transaction checking that its patient exists and that its provider is still at
     * {@code providerVersion}, the version whose rules allowed the time: the rules may
     * then come from a cache, and a stale one fails the write
     * ({@link WriteResult#PROVIDER_CHANGED}) instead of booking by rules that no longer
     * hold.
     */
    public WriteResult book(Appointment appointment, Outcome outcome, long providerVersion) {
        List<TransactWriteItem> checks = List.of(
                TransactWriteItem.builder()
                    .conditionCheck(ConditionCheck.builder()
                        .tableName(Tables.Patients.NAME)
                        .key(Map.of(Tables.Patients.ID, s(appointment.patientId())))
                        .conditionExpression("attribute_exists(" + Tables.Patients.ID + ")")
                        .build())
                    .build(),
                TransactWriteItem.builder()
                    .conditionCheck(ConditionCheck.builder()
                        .tableName(Tables.Providers.NAME)
                        .key(Map.of(Tables.Providers.ID, s(appointment.providerId())))
                        .conditionExpression("version = :version")
                        .expressionAttributeValues(Map.of(":version", n(providerVersion)))
                        .build())
                    .build());
        return write(null, appointment,
                put(appointment, "attribute_not_exists(" + Tables.Appointments.ID + ")", Map.of()), outcome, checks);
    }

    /**
     * Replaces {@code current} by {@code next}, if {@code current} is still what is
     * stored: frees the time {@code current} kept when {@code next} leaves the calendar
     * or moves, takes the time {@code next} keeps, and records the outcome (when there is
     * one: timers have none).
     */
    public WriteResult update(Appointment current, Appointment next, Outcome outcome) {
        return write(
                current, next, put(next, "#status = :expectedStatus AND version = :expectedVersion", Map
                    .of(":expectedStatus", s(current.status().name()), ":expectedVersion", n(current.version()))),
                outcome, List.of());
    }

    /**
     * Moves the appointment {@code appointmentId} from {@code expected} at
     * {@code expectedVersion} to {@code target}, one version later with the step in its
     * history, by one conditional UpdateItem: for steps that record no outcome and leave
     * the appointment's time in the calendar as it is (REQUESTED to CONFIRMED), so
     * nothing else is written.
     * @return the appointment as written; empty when it is not (or no longer)
     * {@code expected} at that version
     */
    public Optional<Appointment> transition(String appointmentId, AppointmentStatus expected, long expectedVersion,
            AppointmentStatus target, Instant at, String cause) {
        if (expected.onCalendar() != target.onCalendar()) {
            throw new IllegalArgumentException(expected + " to " + target + " changes the calendar; use update");
        }
        Map<String, AttributeValue> step = AppointmentItems.toItem(new HistoryEntry(at, expected, target, cause, null));
        try {
            var response = calls.call(() -> dynamoDb.updateItem(request -> request.tableName(Tables.Appointments.NAME)
                .key(Map.of(Tables.Appointments.ID, s(appointmentId)))
                .updateExpression("SET #status = :target, version = :next, updatedAt = :at, "
                        + "history = list_append(history, :step)")
                .conditionExpression("#status = :expectedStatus AND version = :expectedVersion")
                .expressionAttributeNames(Map.of("#status", Tables.Appointments.STATUS))
                .expressionAttributeValues(Map.of(":target", s(target.name()), ":next", n(expectedVersion + 1), ":at",
                        Attributes.instant(at), ":step", AttributeValue.fromL(List.of(AttributeValue.fromM(step))),
                        ":expectedStatus", s(expected.name()), ":expectedVersion", n(expectedVersion)))
                .returnValues(ReturnValue.ALL_NEW)));
            return Optional.of(AppointmentItems.fromItem(response.attributes()));
        }
        catch (ConditionalCheckFailedException notAsExpected) {
            return Optional.empty();
        }
    }

    private WriteResult write(Appointment current, Appointment next, TransactWriteItem appointmentWrite,
            Outcome outcome, List<TransactWriteItem> checks) {
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
        Map<LocalDate, CalendarDay> calendar = days.read(next.providerId(), touched);
        for (int round = 1; round <= CALENDAR_ROUNDS; round++) {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(appointmentWrite);
            for (CalendarDay day : calendar.values()) {
                if (taken != null && day.collision(next.appointmentId(), taken).isPresent()) {
                    return WriteResult.SLOT_TAKEN;
                }
                items.add(CalendarDays.put(next.providerId(), day.with(next.appointmentId(), taken)));
            }
            if (outcome != null) {
                items.add(outcomes.recordInTransaction(outcome));
            }
            items.addAll(checks);
            Map<LocalDate, CalendarDay> changedDays = new TreeMap<>();
            Optional<WriteResult> result = transact(items, changedDays);
            if (result.isPresent()) {
                return result.get();
            }
            // A day changed since it was read: decide again on the day as the
            // cancellation returned it, without
            // reading it again (or read the days again when it did not return them).
            if (changedDays.isEmpty()) {
                calendar = days.read(next.providerId(), touched);
            }
            else {
                calendar.putAll(changedDays);
            }
        }
        throw new TransientConflict("The calendar of provider " + next.providerId() + " kept changing under the write");
    }

    /**
     * The result of the transaction; empty when only a calendar day changed since it was
     * read, and then {@code changedDays} holds those days as they are now. A transaction
     * that collided with another one is cancelled with a {@link TransientConflict} inside
     * the call, so that the service's retry runs it again.
     */
    private Optional<WriteResult> transact(List<TransactWriteItem> items, Map<LocalDate, CalendarDay> changedDays) {
        return calls.call(() -> {
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(items));
                return Optional.of(WriteResult.WRITTEN);
            }
            catch (TransactionCanceledException ex) {
                Optional<WriteResult> result = whyCancelled(ex.cancellationReasons(), items);
                if (result.isEmpty()) {
                    for (CancellationReason reason : ex.cancellationReasons()) {
                        if (!CONDITION_FAILED.equals(reason.code())) {
                            continue;
                        }
                        if (!reason.hasItem() || reason.item().isEmpty()) {
                            // Not returned: the caller reads the days again.
                            changedDays.clear();
                            break;
                        }
                        CalendarDay now = CalendarDays.fromItem(reason.item());
                        changedDays.put(now.date(), now);
                    }
                }
                return result;
            }
        });
    }

    private static Optional<WriteResult> whyCancelled(List<CancellationReason> reasons, List<TransactWriteItem> items) {
        if (reasons == null || reasons.size() != items.size()) {
            throw new IllegalStateException("DynamoDB cancelled a transaction without saying why");
        }
        boolean stale = false;
        boolean dayChanged = false;
        boolean noPatient = false;
        boolean providerChanged = false;
        for (int i = 0; i < reasons.size(); i++) {
            if (!CONDITION_FAILED.equals(reasons.get(i).code())) {
                continue;
            }
            TransactWriteItem item = items.get(i);
            String table = item.put() != null ? item.put().tableName() : item.conditionCheck().tableName();
            if (Tables.RequestOutcomes.NAME.equals(table)) {
                // The command ran before: that answers it, whatever else failed.
                return Optional.of(WriteResult.ALREADY_RECORDED);
            }
            if (Tables.Patients.NAME.equals(table)) {
                noPatient = true;
            }
            else if (Tables.Providers.NAME.equals(table)) {
                providerChanged = true;
            }
            else if (CalendarDays.isDay(item)) {
                dayChanged = true;
            }
            else {
                stale = true;
            }
        }
        if (noPatient) {
            return Optional.of(WriteResult.UNKNOWN_PATIENT);
        }
        if (providerChanged) {
            return Optional.of(WriteResult.PROVIDER_CHANGED);
        }
        if (stale) {
            return Optional.of(WriteResult.STALE);
        }
        if (dayChanged) {
            return Optional.empty();
        }
        // Conflicts with a concurrent transaction: a retry decides.
        throw new TransientConflict(reasons);
    }

    private static TransactWriteItem put(Appointment appointment, String condition,
            Map<String, AttributeValue> values) {
        var put = Put.builder()
            .tableName(Tables.Appointments.NAME)
            .item(AppointmentItems.toItem(appointment))
            .conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeNames(Map.of("#status", Tables.Appointments.STATUS))
                .expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

}
