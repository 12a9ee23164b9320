package dev.appointments.reminder.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.appointments.reminder.delivery.DeliveryResult;
import dev.appointments.reminder.delivery.DeliveryStatus;
import dev.appointments.resources.Tables;
import dev.appointments.store.DynamoDbCalls;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import static dev.appointments.store.Attributes.instant;
import static dev.appointments.store.Attributes.n;
import static dev.appointments.store.Attributes.number;
import static dev.appointments.store.Attributes.s;
import static dev.appointments.store.Attributes.string;

/**
 * The notifications table: one item per notification id, claimed by a conditional write
 * before anything is sent. A claim is a lease ({@code status = SENDING} until
 * {@code leaseUntil}, epoch milliseconds so that DynamoDB compares numbers): while it
 * holds nobody else delivers the notification; once it lapses (the holder crashed), the
 * next copy of the message takes over. Before a channel is handed the notification it is
 * recorded as STARTED (the claim itself does so for the first channel), and its result
 * replaces that in the next write (which also starts the next channel, or finishes the
 * notification): one channel costs two writes. A successor thus knows which channels are
 * done, and which one was handed over with its outcome unknown. The claim's token guards
 * every write, so a holder that lost its lease cannot overwrite its successor. A record
 * expires (DynamoDB time to live on {@code expiresAt}) a retention after its last claim.
 */
final class Notifications {

    private static final String ID = Tables.Notifications.ID;

    private static final Map<String, String> NAMES = names(ID, "status", "leaseUntil", "claimToken", "appointmentId",
            "kind", "providerId", "patientId", "createdAt", "updatedAt", "deliveries", "claims", "reason", "sentAt",
            Tables.EXPIRES_AT);

    private final DynamoDbClient dynamoDb;

    private final DynamoDbCalls calls;

    private final Duration retention;

    /**
     * @param retention how long after its last claim a notification's record expires
     * (DynamoDB time to live)
     */
    public Notifications(DynamoDbClient dynamoDb, DynamoDbCalls calls, Duration retention) {
        this.dynamoDb = dynamoDb;
        this.calls = calls;
        this.retention = retention;
    }

    /**
     * Claims a notification for delivery, when nobody has or when the previous holder's
     * lease lapsed, and in the same write marks {@code firstChannel} as STARTED (outcome
     * unknown until recorded) unless an earlier holder left results behind. One
     * conditional {@code UpdateItem}; a copy that finds the notification taken reads the
     * item from the refusal, not with another call.
     * @return the claim with the deliveries as they stand after it, or empty when the
     * notification is finished already (sent, failed or skipped)
     * @throws NotificationInProgress when another holder's lease is still running
     */
    Optional<Claim> claim(Subject subject, String firstChannel, Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        DeliveryResult started = DeliveryResult.started(firstChannel, now);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", s(NotificationStatus.SENDING.name()));
        values.put(":lease", n(now.plus(lease).toEpochMilli()));
        values.put(":nowMillis", n(now.toEpochMilli()));
        values.put(":token", s(token));
        values.put(":appointmentId", s(subject.appointmentId()));
        values.put(":kind", s(subject.kind()));
        values.put(":providerId", s(subject.providerId()));
        values.put(":patientId", s(subject.patientId()));
        values.put(":now", s(now.toString()));
        values.put(":started", AttributeValue.fromM(Map.of(firstChannel, AttributeValue.fromM(item(started)))));
        values.put(":one", n(1));
        values.put(":expires", n(now.plus(retention).getEpochSecond()));
        // A takeover keeps the deliveries its predecessor recorded: they say which
        // channels are done, and which one
        // was handed over with its outcome unknown.
        String update = "SET #status = :sending, #leaseUntil = :lease, #claimToken = :token, #expiresAt = :expires,"
                + " #appointmentId = :appointmentId, #kind = :kind, #providerId = :providerId,"
                + " #patientId = :patientId, #updatedAt = :now, #createdAt = if_not_exists(#createdAt, :now),"
                + " #deliveries = if_not_exists(#deliveries, :started) ADD #claims :one";
        String condition = "attribute_not_exists(#" + ID + ") OR (#status = :sending AND #leaseUntil < :nowMillis)";
        try {
            var response = calls.call(() -> dynamoDb.updateItem(request -> request.tableName(Tables.Notifications.NAME)
                .key(key(subject.notificationId()))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(used(NAMES, update + " " + condition))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            Map<String, AttributeValue> old = response.attributes();
            Map<String, DeliveryResult> deliveries = old == null || old.isEmpty() || !old.containsKey("deliveries")
                    ? Map.of(firstChannel, started) : deliveries(old);
            boolean takeover = old != null && !old.isEmpty();
            return Optional.of(new Claim(subject.notificationId(), token, deliveries, takeover));
        }
        catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = taken.hasItem() && !taken.item().isEmpty() ? taken.item()
                    : find(subject.notificationId()).map(found -> Map.of("status", s(found.status().name())))
                        .orElseThrow(() -> taken);
            if (NotificationStatus.SENDING.name().equals(string(existing, "status"))) {
                throw new NotificationInProgress(subject.notificationId());
            }
            return Optional.empty();
        }
    }

    /**
     * Records under the claim, in one write, the result of the channel just done (if any)
     * and that {@code next} is being handed over now, and renews the lease for it.
     */
    void recordAndStart(Claim claim, DeliveryResult done, String next, Instant now, Duration lease) {
        Map<String, String> names = new HashMap<>(NAMES);
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder update = new StringBuilder("SET #updatedAt = :now, #leaseUntil = :lease");
        values.put(":now", s(now.toString()));
        values.put(":lease", n(now.plus(lease).toEpochMilli()));
        if (done != null) {
            names.put("#done", done.channel());
            values.put(":done", AttributeValue.fromM(item(done)));
            update.append(", #deliveries.#done = :done");
        }
        names.put("#next", next);
        values.put(":next", AttributeValue.fromM(item(DeliveryResult.started(next, now))));
        update.append(", #deliveries.#next = :next");
        writeUnderClaim(claim, update.toString(), names, values);
    }

    /**
     * Ends the claim with the last channel's result (if not recorded yet) and the
     * notification's final status.
     */
    void finish(Claim claim, DeliveryResult last, NotificationStatus status, String reason, Instant now) {
        Map<String, String> names = new HashMap<>(NAMES);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(status.name()));
        values.put(":now", s(now.toString()));
        StringBuilder update = new StringBuilder("SET #status = :status, #updatedAt = :now");
        if (last != null) {
            names.put("#last", last.channel());
            values.put(":last", AttributeValue.fromM(item(last)));
            update.append(", #deliveries.#last = :last");
        }
        if (status == NotificationStatus.SENT) {
            update.append(", #sentAt = :now");
        }
        if (reason != null) {
            update.append(", #reason = :reason");
            values.put(":reason", s(reason));
        }
        writeUnderClaim(claim, update.append(" REMOVE #leaseUntil, #claimToken").toString(), names, values);
    }

    private static Map<String, AttributeValue> item(DeliveryResult result) {
        Map<String, AttributeValue> delivery = new HashMap<>();
        delivery.put("channel", s(result.channel()));
        delivery.put("status", s(result.status().name()));
        delivery.put("attempts", n(result.attempts()));
        delivery.put("at", s(result.at().toString()));
        if (result.reason() != null) {
            delivery.put("reason", s(result.reason()));
        }
        if (result.resent()) {
            delivery.put("resent", AttributeValue.fromBool(true));
        }
        return delivery;
    }

    /**
     * Records a notification that is not sent (skipped, or impossible to address), unless
     * one with its id exists: a notification sent before stays as it was.
     * @return whether this call recorded it
     */
    boolean recordUnsent(String notificationId, String appointmentId, String kind, NotificationStatus status,
            String reason, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(notificationId));
        item.put("appointmentId", s(appointmentId));
        item.put("kind", s(kind));
        item.put("status", s(status.name()));
        item.put("reason", s(reason));
        item.put("claims", n(0));
        item.put("createdAt", s(now.toString()));
        item.put("updatedAt", s(now.toString()));
        try {
            calls.call(() -> dynamoDb.putItem(request -> request.tableName(Tables.Notifications.NAME)
                .item(item)
                .conditionExpression("attribute_not_exists(" + ID + ")")));
            return true;
        }
        catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<NotificationRecord> find(String notificationId) {
        var response = calls.call(() -> dynamoDb.getItem(
                request -> request.tableName(Tables.Notifications.NAME).key(key(notificationId)).consistentRead(true)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new NotificationRecord(string(item, ID), string(item, "appointmentId"), string(item, "kind"),
                NotificationStatus.valueOf(string(item, "status")), string(item, "reason"), number(item, "claims"),
                deliveries(item), instant(item, "sentAt"), instant(item, "updatedAt")));
    }

    private void writeUnderClaim(Claim claim, String update, Map<String, String> names,
            Map<String, AttributeValue> values) {
        Map<String, AttributeValue> guarded = new HashMap<>(values);
        guarded.put(":token", s(claim.token()));
        try {
            calls.call(() -> dynamoDb.updateItem(request -> request.tableName(Tables.Notifications.NAME)
                .key(key(claim.notificationId()))
                .updateExpression(update)
                .conditionExpression("#claimToken = :token")
                .expressionAttributeNames(used(names, update + " #claimToken"))
                .expressionAttributeValues(guarded)));
        }
        catch (ConditionalCheckFailedException lost) {
            throw new IllegalStateException("The claim on notification " + claim.notificationId()
                    + " lapsed and was taken over; the delivery took longer than the lease", lost);
        }
    }

    private static Map<String, DeliveryResult> deliveries(Map<String, AttributeValue> item) {
        AttributeValue deliveries = item.get("deliveries");
        Map<String, DeliveryResult> results = new LinkedHashMap<>();
        if (deliveries != null && deliveries.hasM()) {
            deliveries.m().forEach((channel, value) -> {
                Map<String, AttributeValue> result = value.m();
                AttributeValue resent = result.get("resent");
                results.put(channel,
                        new DeliveryResult(channel, DeliveryStatus.valueOf(string(result, "status")),
                                (int) number(result, "attempts"), string(result, "reason"), instant(result, "at"),
                                resent != null && Boolean.TRUE.equals(resent.bool())));
            });
        }
        return results;
    }

    private static Map<String, AttributeValue> key(String notificationId) {
        return Map.of(ID, s(notificationId));
    }

    private static Map<String, String> names(String... attributes) {
        Map<String, String> names = new HashMap<>();
        for (String attribute : attributes) {
            names.put("#" + attribute, attribute);
        }
        return Map.copyOf(names);
    }

    /** DynamoDB refuses expression attribute names that the expressions do not use. */
    private static Map<String, String> used(Map<String, String> names, String expressions) {
        Map<String, String> used = new HashMap<>();
        names.forEach((placeholder, name) -> {
            if (expressions.matches("(?s).*" + java.util.regex.Pattern.quote(placeholder) + "\\b.*")) {
                used.put(placeholder, name);
            }
        });
        return used;
    }

}
