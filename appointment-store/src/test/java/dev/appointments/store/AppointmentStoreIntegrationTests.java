package dev.appointments.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.resources.Tables;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentStatus;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedEnginesExtension.class)
class AppointmentStoreIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final EmbeddedEngines engines = EmbeddedEngines.shared();
    private final Appointments appointments = new Appointments(engines.dynamoDb(), DynamoDbCalls.DIRECT);
    private final Outcomes outcomes = new Outcomes(engines.dynamoDb(), DynamoDbCalls.DIRECT);
    private final Patients patients = new Patients(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    @Test
    void booksAnAppointmentWithItsLocksAndOutcomeInOneTransaction() {
        String provider = "provider-" + UUID.randomUUID();
        Appointment appointment = appointment(provider, "2026-12-10T14:30:00Z", 2);

        assertThat(appointments.book(appointment, accepted(appointment))).isEqualTo(WriteResult.WRITTEN);

        assertThat(appointments.find(appointment.appointmentId())).contains(appointment);
        assertThat(locksOf(provider)).containsExactly("2026-12-10T14:30:00Z", "2026-12-10T14:45:00Z");
        assertThat(outcomes.find("req-" + appointment.appointmentId())).isPresent();
    }

    @Test
    void refusesAnOverlappingAppointmentAndWritesNothingOfIt() {
        String provider = "provider-" + UUID.randomUUID();
        Appointment first = appointment(provider, "2026-12-10T14:30:00Z", 2);
        Appointment overlapping = appointment(provider, "2026-12-10T14:45:00Z", 1);
        appointments.book(first, accepted(first));

        assertThat(appointments.book(overlapping, accepted(overlapping))).isEqualTo(WriteResult.SLOT_TAKEN);

        assertThat(appointments.find(overlapping.appointmentId())).isEmpty();
        assertThat(outcomes.find("req-" + overlapping.appointmentId())).isEmpty();
    }

    @Test
    void concurrentBookingsOfOneSlotGiveExactlyOneAppointment() throws Exception {
        String provider = "provider-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<WriteResult>> attempts = IntStream.range(0, 20).<Callable<WriteResult>>mapToObj(i -> () -> {
                Appointment candidate = appointment(provider, "2026-12-11T15:00:00Z", 1);
                return retryingConflicts(() -> appointments.book(candidate, accepted(candidate)));
            }).toList();
            List<WriteResult> results = pool.invokeAll(attempts).stream().map(AppointmentStoreIntegrationTests::join).toList();
            assertThat(results).filteredOn(WriteResult.WRITTEN::equals).hasSize(1);
            assertThat(results).filteredOn(WriteResult.SLOT_TAKEN::equals).hasSize(19);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUpdateOfAStaleVersionChangesNothing() {
        String provider = "provider-" + UUID.randomUUID();
        Appointment booked = appointment(provider, "2026-12-10T16:00:00Z", 1);
        appointments.book(booked, accepted(booked));
        Appointment confirmed = booked.transitionedTo(AppointmentStatus.CONFIRMED, NOW, "req-confirm", null);
        assertThat(appointments.update(booked, confirmed, null)).isEqualTo(WriteResult.WRITTEN);

        Appointment cancelledFromStale = booked.transitionedTo(AppointmentStatus.CANCELLED, NOW, "req-cancel", "late");

        assertThat(appointments.update(booked, cancelledFromStale, null)).isEqualTo(WriteResult.STALE);
        assertThat(appointments.find(booked.appointmentId()).orElseThrow().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(locksOf(provider)).hasSize(1);
    }

    @Test
    void leavingTheCalendarReleasesTheLocks() {
        String provider = "provider-" + UUID.randomUUID();
        Appointment booked = appointment(provider, "2026-12-10T17:00:00Z", 2);
        appointments.book(booked, accepted(booked));

        Appointment cancelled = booked.transitionedTo(AppointmentStatus.CANCELLED, NOW, "req-cancel", "ill");
        assertThat(appointments.update(booked, cancelled, null)).isEqualTo(WriteResult.WRITTEN);

        assertThat(locksOf(provider)).isEmpty();
        Appointment stored = appointments.find(booked.appointmentId()).orElseThrow();
        assertThat(stored.history()).extracting(entry -> entry.to()).containsExactly(AppointmentStatus.REQUESTED,
                AppointmentStatus.CANCELLED);
        assertThat(stored.reason()).isEqualTo("ill");
    }

    @Test
    void concurrentRequestsWithOneEmailMakeOnePatient() throws Exception {
        String email = "Someone." + UUID.randomUUID() + "@Example.com";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> attempts = IntStream.range(0, 12).<Callable<String>>mapToObj(i -> () -> patients
                    .findOrCreate(new Patient(null, "A", "B", email, null, LocalDate.of(1990, 1, 1), NOW)).patientId())
                    .toList();
            List<String> ids = pool.invokeAll(attempts).stream().map(AppointmentStoreIntegrationTests::join).toList();
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(patients.findIdByEmail(email.toUpperCase())).contains(ids.get(0));
        }
        finally {
            pool.shutdownNow();
        }
    }

    private List<String> locksOf(String provider) {
        return engines.dynamoDb().query(request -> request.tableName(Tables.SlotLocks.NAME)
                .keyConditionExpression("providerId = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(provider)))).items().stream()
                .map(item -> item.get(Tables.SlotLocks.SLOT_START).s()).toList();
    }

    private static Appointment appointment(String provider, String start, int slots) {
        Instant startsAt = Instant.parse(start);
        List<Instant> locks = IntStream.range(0, slots).mapToObj(i -> startsAt.plus(15L * i, ChronoUnit.MINUTES)).toList();
        String id = UUID.randomUUID().toString();
        return new Appointment(id, provider, "patient-1", AppointmentStatus.REQUESTED, startsAt,
                startsAt.plus(15L * slots, ChronoUnit.MINUTES), "America/New_York", LocalDate.of(2026, 12, 10),
                LocalTime.of(9, 30), null, null, locks, 1,
                List.of(new dev.appointments.store.appointment.HistoryEntry(NOW, null, AppointmentStatus.REQUESTED,
                        "req-" + id, null)), NOW, NOW);
    }

    private static Outcome accepted(Appointment appointment) {
        return Outcome.accepted("req-" + appointment.appointmentId(), "RequestAppointment", "f", appointment.appointmentId(),
                "booked", NOW);
    }

    private static WriteResult retryingConflicts(java.util.function.Supplier<WriteResult> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            }
            catch (dev.appointments.store.appointment.TransientConflictException ex) {
                if (attempt == 10) {
                    throw ex;
                }
            }
        }
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
