package dev.appointments.store.autoconfigure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.appointment.TransientConflict;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transactions that DynamoDB cancels because another transaction held one of their items
 * at the same moment are tried again in the process, with a jittered backoff, instead of
 * waiting for SQS to redeliver the command after the visibility timeout. The engine is
 * the embedded DynamoDB; in front of it, the first transactions are cancelled as DynamoDB
 * cancels colliding ones ({@code TransactionConflict}), which the embedded engine,
 * running one transaction at a time, never does by itself.
 */
@ExtendWith(EmbeddedEnginesExtension.class)
class TransactionConflictsIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aBookingCancelledByCollidingTransactionsIsRetriedInTheProcessAndWritten() {
        ConflictingTransactions dynamoDb = new ConflictingTransactions(2);
        contexts(dynamoDb.client()).run(context -> {
            Appointment appointment = appointment();

            WriteResult result = context.getBean(Appointments.class).book(appointment, accepted(appointment));

            assertThat(result).isEqualTo(WriteResult.WRITTEN);
            assertThat(dynamoDb.transactions).hasValue(3);
            Appointments direct = new Appointments(EmbeddedEngines.shared().dynamoDb(),
                    dev.appointments.store.DynamoDbCalls.DIRECT);
            assertThat(direct.find(appointment.appointmentId())).isPresent();
            assertThat(context.getBean(Outcomes.class).find("req-" + appointment.appointmentId())).isPresent();
        });
    }

    @Test
    void conflictsThatDoNotPassWithinTheRetryBudgetLeaveTheCommandToRedeliveryQuickly() {
        ConflictingTransactions dynamoDb = new ConflictingTransactions(Integer.MAX_VALUE);
        contexts(dynamoDb.client()).run(context -> {
            Appointment appointment = appointment();
            long started = System.nanoTime();

            assertThatThrownBy(() -> context.getBean(Appointments.class).book(appointment, accepted(appointment)))
                .isInstanceOf(TransientConflict.class);

            assertThat(dynamoDb.transactions).hasValue(6);
            // Well inside the 30 s visibility timeout after which SQS would deliver the
            // command again.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        });
    }

    private static ApplicationContextRunner contexts(DynamoDbClient dynamoDb) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AppointmentStoreAutoConfiguration.class))
            .withBean(DynamoDbClient.class, () -> dynamoDb)
            .withPropertyValues("appointments.dynamodb.retry-attempts=6");
    }

    private static Appointment appointment() {
        String id = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-12-10T15:00:00Z");
        return new Appointment(id, "provider-" + UUID.randomUUID(), "patient-1", AppointmentStatus.REQUESTED, start,
                start.plus(Duration.ofMinutes(15)), "America/New_York", LocalDate.of(2026, 12, 10), LocalTime.of(10, 0),
                null, null, null, 1,
                List.of(new HistoryEntry(NOW, null, AppointmentStatus.REQUESTED, "req-" + id, null)), NOW, NOW);
    }

    private static Outcome accepted(Appointment appointment) {
        return Outcome.accepted("req-" + appointment.appointmentId(), "RequestAppointment", "f",
                appointment.appointmentId(), "Booked.", NOW);
    }

    /**
     * The embedded DynamoDB, whose first {@code conflicts} transactions are cancelled as
     * colliding.
     */
    private static final class ConflictingTransactions implements InvocationHandler {

        private final DynamoDbClient engine = EmbeddedEngines.shared().dynamoDb();

        private final int conflicts;

        final AtomicInteger transactions = new AtomicInteger();

        ConflictingTransactions(int conflicts) {
            this.conflicts = conflicts;
        }

        DynamoDbClient client() {
            return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                    new Class<?>[] { DynamoDbClient.class }, this);
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            if (method.getName().equals("transactWriteItems") && args != null && args.length == 1) {
                if (!(args[0] instanceof TransactWriteItemsRequest request)) {
                    // The builder variant builds the request and calls the variant above.
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                if (transactions.incrementAndGet() <= conflicts) {
                    throw TransactionCanceledException.builder()
                        .message("Transaction cancelled")
                        .cancellationReasons(request.transactItems()
                            .stream()
                            .map(item -> CancellationReason.builder().code("TransactionConflict").build())
                            .toList())
                        .build();
                }
            }
            try {
                return method.invoke(engine, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        }

    }

}
