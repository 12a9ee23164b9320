package dev.appointments.resources;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The DynamoDB tables of the system: their names, keys and indexes. Every read path of
 * the services is a GetItem or a Query on one of these keys or indexes, never a Scan.
 */
public final class Tables {

    /**
     * Appointments by id; indexes list them by patient, provider or status in start-time
     * order.
     */
    public static final class Appointments {

        public static final String NAME = "appointments";

        public static final String ID = "appointmentId";

        public static final String PATIENT_ID = "patientId";

        public static final String PROVIDER_ID = "providerId";

        public static final String STATUS = "status";

        /** ISO-8601 UTC instant, so that string order is time order. */
        public static final String STARTS_AT = "startsAt";

        public static final String BY_PATIENT = "by-patient";

        public static final String BY_PROVIDER = "by-provider";

        public static final String BY_STATUS = "by-status";

        private Appointments() {
        }

    }

    /** Patients by id. */
    public static final class Patients {

        public static final String NAME = "patients";

        public static final String ID = "patientId";

        private Patients() {
        }

    }

    /**
     * One item per normalised e-mail address, naming its patient: makes e-mail unique and
     * answers lookups by e-mail.
     */
    public static final class PatientEmails {

        public static final String NAME = "patient-emails";

        public static final String EMAIL = "email";

        public static final String PATIENT_ID = "patientId";

        private PatientEmails() {
        }

    }

    /** Providers and their booking rules. */
    public static final class Providers {

        public static final String NAME = "providers";

        public static final String ID = "providerId";

        private Providers() {
        }

    }

    /**
     * The providers' calendars: one item per provider and UTC day with the time each
     * appointment keeps and a version, rewritten under a condition on the version in each
     * booking's transaction; it is what forbids double booking.
     */
    public static final class SlotLocks {

        public static final String NAME = "slot-locks";

        public static final String PROVIDER_ID = "providerId";

        /**
         * {@code day#<ISO-8601 UTC date>}; the name is older than the calendar layout.
         */
        public static final String SLOT_START = "slotStart";

        private SlotLocks() {
        }

    }

    /**
     * The outcome of every command, keyed by the producer's requestId: the idempotency
     * record and the answer to producers.
     */
    public static final class RequestOutcomes {

        public static final String NAME = "request-outcomes";

        public static final String REQUEST_ID = "requestId";

        private RequestOutcomes() {
        }

    }

    /**
     * Durable timers (hold expiry, reminders) due beyond the 15 minutes an SQS delay can
     * wait. The partition key spreads timers over a fixed number of shards; the sort key
     * starts with the due instant, so due timers are a key-range Query per shard.
     */
    public static final class Timers {

        public static final String NAME = "timers";

        public static final String SHARD = "shard";

        /** {@code <ISO-8601 due instant>#<timer id>}. */
        public static final String DUE_KEY = "dueKey";

        private Timers() {
        }

    }

    /**
     * One item per notification, keyed by its deterministic id: a notification is sent at
     * most once.
     */
    public static final class Notifications {

        public static final String NAME = "notifications";

        public static final String ID = "notificationId";

        private Notifications() {
        }

    }

    /**
     * The attribute DynamoDB's time to live reads, in epoch seconds, on the tables whose
     * items expire (the same name as in the CDK stack). Only records that nothing needs
     * once they are old expire: command outcomes and notification records some weeks
     * after they were written (well after the 14 days a message can live in SQS, so that
     * a late redelivery still finds its idempotency record), timers some days after they
     * were due. Appointments, patients, providers and the calendars never expire.
     */
    public static final String EXPIRES_AT = "expiresAt";

    private Tables() {
    }

    /** The tables whose items carry {@link #EXPIRES_AT}. */
    public static List<String> expiring() {
        return List.of(RequestOutcomes.NAME, Notifications.NAME, Timers.NAME);
    }

    /**
     * The requests that turn time to live on for {@link #expiring()} tables, reading
     * {@link #EXPIRES_AT}.
     */
    public static List<UpdateTimeToLiveRequest> timeToLive() {
        return expiring().stream()
            .map(table -> UpdateTimeToLiveRequest.builder()
                .tableName(table)
                .timeToLiveSpecification(
                        TimeToLiveSpecification.builder().attributeName(EXPIRES_AT).enabled(true).build())
                .build())
            .toList();
    }

    /**
     * Turns time to live on where it is not on yet; running it again changes nothing
     * (DynamoDB refuses to enable it twice). For engines that tables are provisioned on
     * by code: the CDK stack declares the same.
     */
    public static void enableTimeToLive(DynamoDbClient dynamoDb) {
        for (UpdateTimeToLiveRequest request : timeToLive()) {
            var current = dynamoDb.describeTimeToLive(describe -> describe.tableName(request.tableName()))
                .timeToLiveDescription();
            boolean on = current != null && EXPIRES_AT.equals(current.attributeName())
                    && (current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                            || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
            if (!on) {
                dynamoDb.updateTimeToLive(request);
            }
        }
    }

    /** Every table, as the request that creates it. */
    public static List<CreateTableRequest> all() {
        return List.of(
                table(Appointments.NAME, Appointments.ID, null,
                        index(Appointments.BY_PATIENT, Appointments.PATIENT_ID, Appointments.STARTS_AT),
                        index(Appointments.BY_PROVIDER, Appointments.PROVIDER_ID, Appointments.STARTS_AT),
                        index(Appointments.BY_STATUS, Appointments.STATUS, Appointments.STARTS_AT)),
                table(Patients.NAME, Patients.ID, null), table(PatientEmails.NAME, PatientEmails.EMAIL, null),
                table(Providers.NAME, Providers.ID, null),
                table(SlotLocks.NAME, SlotLocks.PROVIDER_ID, SlotLocks.SLOT_START),
                table(RequestOutcomes.NAME, RequestOutcomes.REQUEST_ID, null),
                table(Timers.NAME, Timers.SHARD, Timers.DUE_KEY), table(Notifications.NAME, Notifications.ID, null));
    }

    /** The names of every table. */
    public static List<String> names() {
        return all().stream().map(CreateTableRequest::tableName).toList();
    }

    private record Index(String name, String hashKey, String rangeKey) {
    }

    private static Index index(String name, String hashKey, String rangeKey) {
        return new Index(name, hashKey, rangeKey);
    }

    private static CreateTableRequest table(String name, String hashKey, String rangeKey, Index... indexes) {
        var attributes = new java.util.LinkedHashSet<String>();
        attributes.add(hashKey);
        if (rangeKey != null) {
            attributes.add(rangeKey);
        }
        for (Index index : indexes) {
            attributes.add(index.hashKey());
            attributes.add(index.rangeKey());
        }
        var builder = CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .keySchema(keySchema(hashKey, rangeKey))
            .attributeDefinitions(attributes.stream()
                .map(attribute -> AttributeDefinition.builder()
                    .attributeName(attribute)
                    .attributeType(ScalarAttributeType.S)
                    .build())
                .toList());
        if (indexes.length > 0) {
            builder.globalSecondaryIndexes(java.util.Arrays.stream(indexes)
                .map(index -> GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build())
                .toList());
        }
        return builder.build();
    }

    private static List<KeySchemaElement> keySchema(String hashKey, String rangeKey) {
        var hash = KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build();
        if (rangeKey == null) {
            return List.of(hash);
        }
        return List.of(hash, KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build());
    }

}
