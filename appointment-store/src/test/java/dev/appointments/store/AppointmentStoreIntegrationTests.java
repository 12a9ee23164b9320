package dev.appointments.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.rules.TimeWindow;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.BusyTimes;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedEnginesExtension.class)
class AppointmentStoreIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final EmbeddedEngines engines = EmbeddedEngines.shared();

    private final Appointments appointments = new Appointments(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    private final Outcomes outcomes = new Outcomes(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    private final Patients patients = new Patients(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    @Test
    void booksAnAppointmentWithItsTimeAndOutcomeInOneTransaction() {
        String provider = "provider-" + UUID.randomUUID();
        Appointment appointment = appointment(provider, "2026-12-10T14:30:00Z", 2);

        assertThat(appointments.book(appointment, accepted(appointment))).isEqualTo(WriteResult.WRITTEN);

        assertThat(appointments.find(appointment.appointmentId())).contains(appointment);
        assertThat(busyOf(provider)).containsExactly("2026-12-10T14:30:00Z/2026-12-10T15:00:00Z");
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
            List<WriteResult> results = pool.invokeAll(attempts)
                .stream()
                .map(AppointmentStoreIntegrationTests::join)
                .toList();
            assertThat(results).filteredOn(WriteResult.WRITTEN::equals).hasSize(1);
            assertThat(results).filteredOn(WriteResult.SLOT_TAKEN::equals).hasSize(19);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentBookingsOfDifferentSlotsOnOneDayAllCommit() throws Exception {
        String provider = "provider-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<WriteResult>> attempts = IntStream.range(0, 16).<Callable<WriteResult>>mapToObj(i -> () -> {
                Appointment candidate = appointment(provider,
                        Instant.parse("2026-12-11T14:00:00Z").plus(15L * i, ChronoUnit.MINUTES).toString(), 1);
                return retryingConflicts(() -> appointments.book(candidate, accepted(candidate)));
            }).toList();
            List<WriteResult> results = pool.invokeAll(attempts)
                .stream()
                .map(AppointmentStoreIntegrationTests::join)
                .toList();
            assertThat(results).containsOnly(WriteResult.WRITTEN);
            assertThat(busyOf(provider)).hasSize(16);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAppointmentOverMidnightKeepsItsTimeOnBothDays() {
        String provider = "provider-" + UUID.randomUUID();
        Appointment late = appointment(provider, "2026-12-10T23:30:00Z", 4);
        assertThat(appointments.book(late, accepted(late))).isEqualTo(WriteResult.WRITTEN);

        Appointment nextDay = appointment(provider, "2026-12-11T00:15:00Z", 1);
        Appointment sameDay = appointment(provider, "2026-12-10T23:15:00Z", 2);

        assertThat(appointments.book(nextDay, accepted(nextDay))).isEqualTo(WriteResult.SLOT_TAKEN);
        assertThat(appointments.book(sameDay, accepted(sameDay))).isEqualTo(WriteResult.SLOT_TAKEN);
        Appointment cancelled = late.transitionedTo(AppointmentStatus.CANCELLED, NOW, "req-cancel", null);
        assertThat(appointments.update(late, cancelled, null)).isEqualTo(WriteResult.WRITTEN);
        assertThat(appointments.book(nextDay, accepted(nextDay))).isEqualTo(WriteResult.WRITTEN);
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
        assertThat(appointments.find(booked.appointmentId()).orElseThrow().status())
            .isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(busyOf(provider)).hasSize(1);
    }

    @Test
    void leavingTheCalendarFreesItsTime() {
        String provider = "provider-" + UUID.randomUUID();
        Appointment booked = appointment(provider, "2026-12-10T17:00:00Z", 2);
        appointments.book(booked, accepted(booked));

        Appointment cancelled = booked.transitionedTo(AppointmentStatus.CANCELLED, NOW, "req-cancel", "ill");
        assertThat(appointments.update(booked, cancelled, null)).isEqualTo(WriteResult.WRITTEN);

        assertThat(busyOf(provider)).isEmpty();
        Appointment stored = appointments.find(booked.appointmentId()).orElseThrow();
        assertThat(stored.history()).extracting(entry -> entry.to())
            .containsExactly(AppointmentStatus.REQUESTED, AppointmentStatus.CANCELLED);
        assertThat(stored.reason()).isEqualTo("ill");
    }

    @Test
    void concurrentRequestsWithOneEmailMakeOnePatient() throws Exception {
        String email = "Someone." + UUID.randomUUID() + "@Example.com";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> attempts = IntStream.range(0, 12)
                .<Callable<String>>mapToObj(i -> () -> patients
                    .findOrCreate(new Patient(null, "A", "B", email, null, LocalDate.of(1990, 1, 1), NOW))
                    .patientId())
                .toList();
            List<String> ids = pool.invokeAll(attempts).stream().map(AppointmentStoreIntegrationTests::join).toList();
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(patients.findIdByEmail(email.toUpperCase())).contains(ids.get(0));
        }
        finally {
            pool.shutdownNow();
        }
    }

    private List<String> busyOf(String provider) {
        return new BusyTimes(engines.dynamoDb(), DynamoDbCalls.DIRECT)
            .within(provider,
                    new TimeWindow(Instant.parse("2026-12-09T00:00:00Z"), Instant.parse("2026-12-13T00:00:00Z")))
            .stream()
            .map(time -> time.from() + "/" + time.to())
            .sorted()
            .toList();
    }

    private static Appointment appointment(String provider, String start, int slots) {
        Instant startsAt = Instant.parse(start);
        String id = UUID.randomUUID().toString();
        return new Appointment(id, provider, "patient-1", AppointmentStatus.REQUESTED, startsAt,
                startsAt.plus(15L * slots, ChronoUnit.MINUTES), "America/New_York", LocalDate.of(2026, 12, 10),
                LocalTime.of(9, 30), null, null, null, 1,
                List.of(new dev.appointments.store.appointment.HistoryEntry(NOW, null, AppointmentStatus.REQUESTED,
                        "req-" + id, null)),
                NOW, NOW);
    }

    private static Outcome accepted(Appointment appointment) {
        return Outcome.accepted("req-" + appointment.appointmentId(), "RequestAppointment", "f",
                appointment.appointmentId(), "booked", NOW);
    }

    private static WriteResult retryingConflicts(java.util.function.Supplier<WriteResult> write) {
        for (int attempt = 1;; attempt++) {
            try {
                return write.get();
            }
            catch (dev.appointments.store.appointment.TransientConflict ex) {
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
