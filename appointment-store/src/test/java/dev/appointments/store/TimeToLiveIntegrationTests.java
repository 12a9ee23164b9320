package dev.appointments.store;

import java.util.List;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Time to live as {@code aws-resources} provisions it, on the embedded DynamoDB. */
@ExtendWith(EmbeddedEnginesExtension.class)
class TimeToLiveIntegrationTests {

    private final DynamoDbClient dynamoDb = EmbeddedEngines.shared().dynamoDb();

    @Test
    void outcomesNotificationsAndTimersExpireByTheirExpiresAtAndNothingElseDoes() {
        Tables.enableTimeToLive(dynamoDb);
        Tables.enableTimeToLive(dynamoDb);

        for (String table : List.of(Tables.RequestOutcomes.NAME, Tables.Notifications.NAME, Tables.Timers.NAME)) {
            TimeToLiveDescription ttl = describe(table);
            assertThat(ttl.timeToLiveStatus()).as(table).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
            assertThat(ttl.attributeName()).as(table).isEqualTo("expiresAt");
        }
        for (String table : List.of(Tables.Appointments.NAME, Tables.Patients.NAME, Tables.PatientEmails.NAME,
                Tables.Providers.NAME, Tables.SlotLocks.NAME)) {
            assertThat(describe(table).timeToLiveStatus()).as(table)
                .isIn(TimeToLiveStatus.DISABLED, TimeToLiveStatus.UNKNOWN_TO_SDK_VERSION, null);
        }
    }

    private TimeToLiveDescription describe(String table) {
        return dynamoDb.describeTimeToLive(request -> request.tableName(table)).timeToLiveDescription();
    }

}
