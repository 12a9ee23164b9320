package dev.appointments.store.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EmbeddedEnginesExtension;
import dev.appointments.store.DynamoDbCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedEnginesExtension.class)
class PatientsIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final Patients patients = new Patients(EmbeddedEngines.shared().dynamoDb(), DynamoDbCalls.DIRECT);

    @Test
    void registersAPatientUnderItsOwnIdWithItsEmailClaim() {
        String id = "registered-" + UUID.randomUUID();
        String email = "Reg." + UUID.randomUUID() + "@Example.com";

        Patient registered = patients.register(patient(id, email, "Ada"));

        assertThat(registered.patientId()).isEqualTo(id);
        assertThat(patients.find(id))
            .hasValueSatisfying(found -> assertThat(found.email()).isEqualTo(Patient.normalisedEmail(email)));
        assertThat(patients.findIdByEmail(email)).contains(id);
        assertThat(patients.findOrCreate(patient(null, email, "Someone")).patientId()).isEqualTo(id);
    }

    @Test
    void registeringAnExistingIdAgainChangesNothing() {
        String id = "registered-" + UUID.randomUUID();
        patients.register(patient(id, "first-" + UUID.randomUUID() + "@example.com", "Ada"));

        Patient again = patients.register(patient(id, "second-" + UUID.randomUUID() + "@example.com", "Grace"));

        assertThat(again.firstName()).isEqualTo("Ada");
        assertThat(patients.find(id)).hasValueSatisfying(found -> assertThat(found.firstName()).isEqualTo("Ada"));
    }

    @Test
    void refusesAnEmailAddressThatBelongsToAnotherPatient() {
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        String owner = patients.findOrCreate(patient(null, email, "Ada")).patientId();
        String id = "registered-" + UUID.randomUUID();

        assertThatThrownBy(() -> patients.register(patient(id, email, "Grace")))
            .isInstanceOf(Patients.EmailAlreadyClaimed.class)
            .hasMessageNotContaining(email);

        assertThat(patients.find(id)).isEmpty();
        assertThat(patients.findIdByEmail(email)).contains(owner);
    }

    @Test
    void updatesAPatientAndMovesTheClaimOfANewEmailAddress() {
        String id = "updated-" + UUID.randomUUID();
        String oldEmail = "old-" + UUID.randomUUID() + "@example.com";
        String newEmail = "New-" + UUID.randomUUID() + "@example.com";
        Patient current = patients.register(patient(id, oldEmail, "Ada"));

        boolean written = patients.update(current,
                new Patient(id, "Augusta", "King", newEmail, null, LocalDate.parse("1815-12-10"), NOW.plusSeconds(60)));

        assertThat(written).isTrue();
        assertThat(patients.find(id)).hasValueSatisfying(found -> {
            assertThat(found.firstName()).isEqualTo("Augusta");
            assertThat(found.email()).isEqualTo(Patient.normalisedEmail(newEmail));
            assertThat(found.phone()).isNull();
            assertThat(found.createdAt()).isEqualTo(NOW);
        });
        assertThat(patients.findIdByEmail(newEmail)).contains(id);
        assertThat(patients.findIdByEmail(oldEmail)).isEmpty();
    }

    @Test
    void anUpdateToAnotherPatientsEmailAddressChangesNothing() {
        String email = "kept-" + UUID.randomUUID() + "@example.com";
        String owner = patients.findOrCreate(patient(null, email, "Grace")).patientId();
        String id = "updated-" + UUID.randomUUID();
        Patient current = patients.register(patient(id, "mine-" + UUID.randomUUID() + "@example.com", "Ada"));

        assertThatThrownBy(() -> patients.update(current, patient(id, email, "Ada")))
            .isInstanceOf(Patients.EmailAlreadyClaimed.class)
            .hasMessageNotContaining(email);

        assertThat(patients.find(id)).contains(current);
        assertThat(patients.findIdByEmail(email)).contains(owner);
        assertThat(patients.findIdByEmail(current.email())).contains(id);
    }

    @Test
    void anUpdateOfAStaleReadIsRefused() {
        String id = "updated-" + UUID.randomUUID();
        Patient current = patients.register(patient(id, "stale-" + UUID.randomUUID() + "@example.com", "Ada"));
        assertThat(patients.update(current, patient(id, current.email(), "Grace"))).isTrue();

        boolean written = patients.update(current, patient(id, current.email(), "Mary"));

        assertThat(written).isFalse();
        assertThat(patients.find(id)).hasValueSatisfying(found -> assertThat(found.firstName()).isEqualTo("Grace"));
    }

    private static Patient patient(String id, String email, String firstName) {
        return new Patient(id, firstName, "Lovelace", email, "+15551234567", LocalDate.parse("1990-12-10"), NOW);
    }

}
