package dev.appointments.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.resources.Tables;
import dev.appointments.rules.ProviderRules;
import dev.appointments.rules.TimeRange;
import dev.appointments.rules.lifecycle.AppointmentStatus;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.Appointments;
import dev.appointments.store.appointment.HistoryEntry;
import dev.appointments.store.appointment.WriteResult;
import dev.appointments.store.outcome.Outcome;
import dev.appointments.store.outcome.Outcomes;
import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import dev.appointments.store.provider.Provider;
import dev.appointments.store.provider.Providers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writes that save reads: a booking that checks its patient and its provider's
 * version in its transaction, a confirmation by one conditional UpdateItem, and outcomes
 * that keep the facts their command published.
 */
@ExtendWith(EmbeddedEnginesExtension.class)
class CheckedWritesIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final EmbeddedEngines engines = EmbeddedEngines.shared();

    private final Appointments appointments = new Appointments(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    private final Outcomes outcomes = new Outcomes(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    private final Patients patients = new Patients(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    private final Providers providers = new Providers(engines.dynamoDb(), DynamoDbCalls.DIRECT);

    @Test
    void aCheckedBookingIsWrittenForAKnownPatientAtTheProvidersVersion() {
        Provider provider = newProvider();
        Appointment appointment = appointment(provider.providerId(), newPatient(), "2026-12-10T14:30:00Z");

        assertThat(appointments.book(appointment, accepted(appointment), provider.version()))
            .isEqualTo(WriteResult.WRITTEN);

        assertThat(appointments.find(appointment.appointmentId())).contains(appointment);
    }

    @Test
    void aCheckedBookingForAnUnknownPatientWritesNothing() {
        Provider provider = newProvider();
        Appointment appointment = appointment(provider.providerId(), "nobody-" + UUID.randomUUID(),
                "2026-12-10T15:30:00Z");

        assertThat(appointments.book(appointment, accepted(appointment), provider.version()))
            .isEqualTo(WriteResult.UNKNOWN_PATIENT);

        assertThat(appointments.find(appointment.appointmentId())).isEmpty();
        assertThat(outcomes.find("req-" + appointment.appointmentId())).isEmpty();
    }

    @Test
    void aCheckedBookingByRulesOfAnOlderProviderVersionWritesNothing() {
        Provider provider = newProvider();
        providers.update(provider.providerId(), provider.rules(), provider.version(), NOW).orElseThrow();
        Appointment appointment = appointment(provider.providerId(), newPatient(), "2026-12-10T16:30:00Z");

        assertThat(appointments.book(appointment, accepted(appointment), provider.version()))
            .isEqualTo(WriteResult.PROVIDER_CHANGED);

        assertThat(appointments.find(appointment.appointmentId())).isEmpty();
    }

    @Test
    void aCheckedBookingWhoseOutcomeExistsIsAnsweredByItEvenForAnUnknownPatient() {
        Provider provider = newProvider();
        Appointment appointment = appointment(provider.providerId(), "nobody-" + UUID.randomUUID(),
                "2026-12-10T17:30:00Z");
        outcomes.record(accepted(appointment));

        assertThat(appointments.book(appointment, accepted(appointment), provider.version()))
            .isEqualTo(WriteResult.ALREADY_RECORDED);
    }

    @Test
    void aTransitionIsOneConditionalUpdateOnStatusAndVersion() {
        Provider provider = newProvider();
        Appointment booked = appointment(provider.providerId(), newPatient(), "2026-12-11T14:30:00Z");
        appointments.book(booked, accepted(booked), provider.version());
        Instant later = NOW.plusSeconds(5);

        assertThat(appointments.transition(booked.appointmentId(), AppointmentStatus.REQUESTED, 2,
                AppointmentStatus.CONFIRMED, later, "req-other"))
            .isEmpty();
        Appointment confirmed = appointments
            .transition(booked.appointmentId(), AppointmentStatus.REQUESTED, 1, AppointmentStatus.CONFIRMED, later,
                    "req-confirm")
            .orElseThrow();

        assertThat(confirmed).isEqualTo(booked.transitionedTo(AppointmentStatus.CONFIRMED, later, "req-confirm", null));
        assertThat(appointments.find(booked.appointmentId())).contains(confirmed);
        assertThat(appointments.transition(booked.appointmentId(), AppointmentStatus.REQUESTED, 1,
                AppointmentStatus.CONFIRMED, later, "req-confirm"))
            .isEmpty();
    }

    @Test
    void aBookingThatLostItsDayToAnotherDecidesAgainOnTheDayTheCancellationReturnedWithoutReadingIt() {
        Provider provider = newProvider();
        Appointment other = appointment(provider.providerId(), newPatient(), "2026-12-14T15:00:00Z");
        Appointment mine = appointment(provider.providerId(), newPatient(), "2026-12-14T16:00:00Z");
        AtomicInteger calls = new AtomicInteger();
        // The other booking commits between this booking's read of the day and its
        // transaction.
        DynamoDbCalls interfering = new DynamoDbCalls() {
            @Override
            public <T> T call(Supplier<T> call) {
                if (calls.incrementAndGet() == 2) {
                    appointments.book(other, accepted(other));
                }
                return call.get();
            }
        };

        WriteResult result = new Appointments(engines.dynamoDb(), interfering).book(mine, accepted(mine),
                provider.version());

        assertThat(result).isEqualTo(WriteResult.WRITTEN);
        assertThat(calls).as("one Query, the transaction that lost the day, the one that won").hasValue(3);
        assertThat(appointments.find(other.appointmentId())).isPresent();
        assertThat(appointments.find(mine.appointmentId())).isPresent();
    }

    @Test
    void anOutcomeKeepsItsFactsAndOneWrittenWithoutThemReadsAsHavingNone() {
        Outcome withFacts = Outcome
            .accepted("req-" + UUID.randomUUID(), "RequestAppointment", "f", "a-1", "booked", NOW)
            .withFacts(List.of("{\"type\":\"AppointmentRequested\"}"));
        outcomes.record(withFacts);
        String old = "req-" + UUID.randomUUID();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.RequestOutcomes.REQUEST_ID, AttributeValue.fromS(old));
        item.put("commandType", AttributeValue.fromS("RequestAppointment"));
        item.put("fingerprint", AttributeValue.fromS("f"));
        item.put("status", AttributeValue.fromS("ACCEPTED"));
        item.put("appointmentId", AttributeValue.fromS("a-2"));
        item.put("recordedAt", AttributeValue.fromS(NOW.toString()));
        engines.dynamoDb().putItem(put -> put.tableName(Tables.RequestOutcomes.NAME).item(item));

        assertThat(outcomes.find(withFacts.requestId())).contains(withFacts);
        assertThat(outcomes.find(old).orElseThrow().facts()).isNull();
    }

    private Provider newProvider() {
        return providers
            .create("provider-" + UUID.randomUUID(),
                    ProviderRules.withDefaults("Clinic", "America/New_York",
                            ProviderRules.mondayToFriday(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0)))),
                    NOW)
            .orElseThrow();
    }

    private String newPatient() {
        return patients
            .findOrCreate(new Patient(null, "A", "B", "p." + UUID.randomUUID() + "@example.com", null,
                    LocalDate.of(1990, 1, 1), NOW))
            .patientId();
    }

    private static Appointment appointment(String provider, String patient, String start) {
        Instant startsAt = Instant.parse(start);
        String id = UUID.randomUUID().toString();
        return new Appointment(id, provider, patient, AppointmentStatus.REQUESTED, startsAt,
                startsAt.plus(30, ChronoUnit.MINUTES), "America/New_York", LocalDate.of(2026, 12, 10),
                LocalTime.of(9, 30), null, null, null, 1,
                List.of(new HistoryEntry(NOW, null, AppointmentStatus.REQUESTED, "req-" + id, null)), NOW, NOW);
    }

    private static Outcome accepted(Appointment appointment) {
        return Outcome.accepted("req-" + appointment.appointmentId(), "RequestAppointment", "f",
                appointment.appointmentId(), "booked", NOW);
    }

}
